import "server-only";
import { AppError } from "./http/errors";
import { mediaStorage, RangeNotSatisfiableError } from "./storage";

const CONTENT_TYPES: Record<string, string> = {
  mp4: "video/mp4",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` (the last n bytes); other forms are ignored (whole file). */
export function parseRange(header: string | null, size: number): { start: number; end?: number } | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (!match[1] && !match[2])) return null;
  if (!match[1]) return { start: Math.max(0, size - Number(match[2])) };
  return { start: Number(match[1]), end: match[2] ? Number(match[2]) : undefined };
}

/**
 * Serves a stored object with byte ranges (206), a strong ETag, and long caching: stored keys never
 * change content (a new version gets a new key).
 */
export async function serveStored(
  key: string,
  request: Request,
  options: { download?: string } = {},
): Promise<Response> {
  const storage = mediaStorage();
  const info = await storage.stat(key);
  if (!info) throw new AppError("not_found", "Not found");
  const etag = `"${info.size.toString(16)}-${info.modifiedAt.getTime().toString(16)}"`;
  const headers = new Headers({
    "content-type": CONTENT_TYPES[key.split(".").pop()?.toLowerCase() ?? ""] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    etag,
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  if (options.download) {
    headers.set("content-disposition", `attachment; filename="${options.download.replace(/[^\w.-]/g, "_")}"`);
  }
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
