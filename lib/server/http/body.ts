import "server-only";
import { AppError } from "./errors";

/**
 * The one way a request body is read: streamed from `request.body`, bytes counted, and refused with
 * `413 payload_too_large` naming the limit as soon as it is over (a declared Content-Length over it is
 * refused before anything is read). Never truncated: a body is either whole or refused. Used by the
 * route wrapper's JSON reading, uploads, the webhook receiver and sign-in.
 *
 * next.config.mjs `proxyClientMaxBodySize` must stay above the largest limit here: the proxy buffers
 * bodies up to it and cuts the rest, so a cut body still arrives over its limit and is refused.
 */

const KB = 1024;
const MB = 1024 * KB;

export const BODY_LIMITS = {
  /** JSON API bodies (create, extend, share...). */
  json: 256 * KB,
  /** Sign-in: a passcode of at most 500 characters. */
  session: 16 * KB,
  /** A webhook delivery from the upstream. */
  hook: 1 * MB,
  /** An image upload: the 20 MB file and its multipart framing. */
  upload: 20 * MB + 64 * KB,
} as const;

/** The proxy's buffer (next.config.mjs); above every limit in BODY_LIMITS. */
export const PROXY_BODY_BYTES = 21 * MB;

function sizeText(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 100) / 100} MB`;
  return `${Math.round(bytes / KB)} KB`;
}

export function payloadTooLarge(limit: number, field = "body"): AppError {
  return new AppError("payload_too_large", `${field}: must be at most ${sizeText(limit)}`);
}

/** Reads a whole stream of at most `limit` bytes, refusing (and cancelling it) as soon as more arrive. */
export async function readStreamLimited(
  stream: ReadableStream<Uint8Array>,
  limit: number,
  tooBig: () => Error = () => payloadTooLarge(limit),
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** The request's body, whole, or 413 when it is over `limit` (declared or streamed). */
export async function readBody(
  request: Request,
  limit: number,
  field = "body",
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit, field);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  return readStreamLimited(request.body, limit, () => payloadTooLarge(limit, field));
}

/** The body as UTF-8 text (invalid bytes become U+FFFD), within `limit` bytes. */
export async function readTextBody(request: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBody(request, limit));
}
