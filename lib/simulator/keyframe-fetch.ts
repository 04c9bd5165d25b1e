/**
 * How the simulator downloads a keyframe URL. Injectable (SimulatorOptions.fetchKeyframe) because the
 * simulator also runs inside the studio's own process, whose network a creator's URL must not reach:
 * the studio passes its SSRF guard there (lib/server/simulator.ts). Standalone (scripts/simulator.ts,
 * tests) it fetches like a relay would, with the default below.
 */

export interface KeyframeLimits {
  maxBytes: number;
  /** Deadline for the whole transfer, body included. */
  timeoutMs: number;
}

/**
 * Resolves to the body of a 2xx answer; otherwise throws an Error whose message is the short reason
 * (`HTTP 404`, `larger than 20 MB`, the guard's refusal), shown as `could not fetch image (reason)`.
 */
export type KeyframeFetcher = (url: string, limits: KeyframeLimits) => Promise<Uint8Array>;

const MB = 1_048_576;

/** Plain fetch, redirects followed; the body is counted as it streams and dropped past the limit. */
export const plainKeyframeFetch: KeyframeFetcher = async (url, { maxBytes, timeoutMs }) => {
  const tooLarge = () => new Error(`larger than ${Math.round((maxBytes / MB) * 10) / 10} MB`);
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) return Buffer.concat(chunks);
    total += next.value.byteLength;
    if (total > maxBytes) {
      await reader?.cancel();
      throw tooLarge();
    }
    chunks.push(next.value);
  }
};
