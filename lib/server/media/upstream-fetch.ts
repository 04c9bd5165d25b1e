import "server-only";
import { type MediaFormat, SNIFF_BYTES, sniffFormat } from "./sniff";

/**
 * Fetches one upstream media file as a stream, within limits: http(s) only, a deadline for the whole
 * transfer (the signal also aborts the body), a byte ceiling checked against Content-Length up front
 * (storage enforces it again while writing), and a format check on the first bytes.
 */

export class MediaFetchError extends Error {
  constructor(
    message: string,
    /** Worth trying again later (network trouble, 5xx) rather than a link that will never work. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "MediaFetchError";
  }
}

export interface FetchedMedia {
  format: MediaFormat;
  body: ReadableStream<Uint8Array>;
}

export interface MediaFetchOptions {
  accept: readonly MediaFormat[];
  maxBytes: number;
  timeoutMs: number;
  fetch?: typeof globalThis.fetch;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function httpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new MediaFetchError("not a URL", false);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new MediaFetchError("not http(s)", false);
  return url;
}

/** Reads until the first SNIFF_BYTES are known, then hands back a stream that replays them. */
async function peek(
  body: ReadableStream<Uint8Array>,
): Promise<{ head: Uint8Array; body: ReadableStream<Uint8Array> }> {
  const reader = body.getReader();
  const seen: Uint8Array[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    seen.push(value);
    length += value.byteLength;
  }
  const head = new Uint8Array(length);
  let offset = 0;
  for (const part of seen) {
    head.set(part, offset);
    offset += part.byteLength;
  }
  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength) controller.enqueue(head);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, body: replay };
}

export async function fetchUpstreamMedia(raw: string, options: MediaFetchOptions): Promise<FetchedMedia> {
  const url = httpUrl(raw);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, { signal, redirect: "follow", headers: options.headers });
  } catch (error) {
    throw new MediaFetchError(
      `fetch failed: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    // 4xx: an expired or refused link; asking for a fresh one later may still help, so it stays retryable.
    throw new MediaFetchError(`upstream answered HTTP ${response.status}`, true);
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new MediaFetchError(`file of ${declared} bytes is over the limit of ${options.maxBytes}`, false);
  }
  const { head, body } = await peek(response.body);
  const format = sniffFormat(head);
  if (!format || !options.accept.includes(format)) {
    await body.cancel().catch(() => {});
    throw new MediaFetchError(`not ${options.accept.join("/")} (got ${format ?? "unknown bytes"})`, true);
  }
  return { format, body };
}
