import "server-only";
import { AppError } from "./http/errors";
import { parseRange } from "./media/range";
import { mediaStorage, RangeNotSatisfiableError } from "./storage";

const CONTENT_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** Studio media never changes under a key (a new version gets a new key), so browsers may keep it. */
export const STUDIO_CACHE = "private, max-age=31536000, immutable";

export interface ServeOptions {
  /** A full `Content-Disposition` value, e.g. from attachmentDisposition(). */
  disposition?: string;
  cacheControl?: string;
}

/** Serves a stored object with byte ranges (206), a strong ETag, and the caching asked for. */
export async function serveStored(
  key: string,
  request: Request,
  options: ServeOptions = {},
): Promise<Response> {
  const storage = mediaStorage();
  const info = await storage.stat(key);
  if (!info) throw new AppError("not_found", "Not found");
  const etag = `"${info.size.toString(16)}-${info.modifiedAt.getTime().toString(16)}"`;
  const headers = new Headers({
    "content-type": CONTENT_TYPES[key.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    etag,
    "cache-control": options.cacheControl ?? STUDIO_CACHE,
    "x-content-type-options": "nosniff",
  });
  if (options.disposition) headers.set("content-disposition", options.disposition);
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const ifRange = request.headers.get("if-range");
  const range = !ifRange || ifRange === etag ? parseRange(request.headers.get("range"), info.size) : null;
  try {
    const file = await storage.read(key, range ?? undefined);
    if (!file) throw new AppError("not_found", "Not found");
    headers.set("content-length", String(file.range.end - file.range.start + 1));
    if (!range) return new Response(request.method === "HEAD" ? null : file.body, { status: 200, headers });
    headers.set("content-range", `bytes ${file.range.start}-${file.range.end}/${file.size}`);
    return new Response(request.method === "HEAD" ? null : file.body, { status: 206, headers });
  } catch (error) {
    if (error instanceof RangeNotSatisfiableError) {
      return new Response(null, { status: 416, headers: { "content-range": `bytes */${error.size}` } });
    }
    throw error;
  }
}
