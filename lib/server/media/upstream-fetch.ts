import "server-only";
import { guardedFetch, UnsafeUrlError } from "../net/safe-fetch";
import { type MediaFormat, SNIFF_BYTES, sniffFormat } from "./sniff";

/**
 * Fetches one upstream media file as a stream through the SSRF guard (net/safe-fetch.ts: public
 * addresses only, except the configured upstream's own origin, on every redirect hop and connected
 * socket), within limits: a deadline for the whole transfer, a byte ceiling checked against
 * Content-Length up front and while streaming (storage enforces it again while writing), and a format
 * check on the first bytes.
 */

export class MediaFetchError extends Error {
  constructor(
    message: string,
    /** Worth trying again later (network trouble, 5xx) rather than a link that will never work. */
    readonly retryable: boolean,
    /** The upstream's HTTP status, when it answered one. */
    readonly status?: number,
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
  /** URL prefixes that may resolve to a private address: the configured upstream's own origin. */
  trusted?: readonly string[];
  /** Headers for one hop: the built-in simulator's bearer for its own links, else none. */
  headersFor?: (url: string) => Record<string, string>;
  signal?: AbortSignal;
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

function refusal(error: unknown, maxBytes: number): MediaFetchError {
  if (!(error instanceof UnsafeUrlError)) {
    return new MediaFetchError(
      `fetch failed: ${error instanceof Error ? error.message : String(error)}`,
      true,
    );
  }
  if (error.reason === "too_large")
    return new MediaFetchError(`file is over the limit of ${maxBytes} bytes`, false);
  // A link to a private address, a non-http scheme or a redirect loop will not work on a retry either.
  const retryable = error.reason === "network" || error.reason === "timeout";
  return new MediaFetchError(`refused: ${error.message}`, retryable);
}

export async function fetchUpstreamMedia(raw: string, options: MediaFetchOptions): Promise<FetchedMedia> {
  let response: Awaited<ReturnType<typeof guardedFetch>>;
  try {
    response = await guardedFetch(raw, {
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      trusted: options.trusted,
      headersFor: options.headersFor,
    });
  } catch (error) {
    throw refusal(error, options.maxBytes);
  }
  if (response.status < 200 || response.status >= 300) {
    await response.body.cancel().catch(() => {});
    // 4xx: an expired or refused link; asking for a fresh one later may still help, so it stays retryable.
    throw new MediaFetchError(`upstream answered HTTP ${response.status}`, true, response.status);
  }
  let peeked: Awaited<ReturnType<typeof peek>>;
  try {
    peeked = await peek(response.body);
  } catch (error) {
    throw refusal(error, options.maxBytes);
  }
  const { head, body } = peeked;
  const format = sniffFormat(head);
  if (!format || !options.accept.includes(format)) {
    await body.cancel().catch(() => {});
    throw new MediaFetchError(`not ${options.accept.join("/")} (got ${format ?? "unknown bytes"})`, true);
  }
  return { format, body };
}
