import { createHmac, timingSafeEqual } from "node:crypto";
import { open, stat } from "node:fs/promises";
import path from "node:path";
import { MEDIA_FILES } from "./render";

const CONTENT_TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".jpg": "image/jpeg",
  ".png": "image/png",
};
const SERVED = new Set<string>([
  MEDIA_FILES.clean,
  MEDIA_FILES.watermarked,
  MEDIA_FILES.thumbnail,
  MEDIA_FILES.lastFrame,
  MEDIA_FILES.imageJpg,
  MEDIA_FILES.imagePng,
]);
const CHUNK = 256 * 1024;

/** Presigned-style links: `expires` (ms epoch) plus an HMAC, so an expired link cannot be revived by editing it. */
export class MediaSigner {
  constructor(private readonly secret: string) {}

  private sign(pathname: string, expires: number): string {
    return createHmac("sha256", this.secret).update(`${pathname}:${expires}`).digest("hex").slice(0, 32);
  }

  url(base: string, taskId: string, file: string, expires: number | null): string {
    const pathname = `/media/${taskId}/${file}`;
    if (expires === null) return `${base}${pathname}`;
    return `${base}${pathname}?expires=${expires}&signature=${this.sign(pathname, expires)}`;
  }

  /** "ok", or why the link is refused. Links issued without an expiry never expire. */
  check(pathname: string, params: URLSearchParams, now: number): "ok" | "expired" | "bad-signature" {
    const expires = params.get("expires");
    if (expires === null) return "ok";
    const given = Buffer.from(params.get("signature") ?? "");
    const wanted = Buffer.from(this.sign(pathname, Number(expires)));
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return "bad-signature";
    return now > Number(expires) ? "expired" : "ok";
  }
}

export function isServedFile(name: string): boolean {
  return SERVED.has(name);
}

type Range = { start: number; end: number } | "unsatisfiable" | null;

export function parseRange(header: string | null, size: number): Range {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multi-range and odd units are legal to ignore: answer the whole file.
  if (!match) return null;
  const [, from = "", to = ""] = match;
  if (from === "" && to === "") return null;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

function fileStream(file: string, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      handle ??= await open(file, "r");
      const length = Math.min(CHUNK, end - position + 1);
      if (length <= 0) {
        await handle.close();
        controller.close();
        return;
      }
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(length), 0, length, position);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
        return;
      }
      position += bytesRead;
      controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
    },
    async cancel() {
      await handle?.close();
    },
  });
}

/** Serves one media file with byte ranges, as a CDN does (206, Content-Range, 416). */
export async function serveFile(file: string, request: Request): Promise<Response> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return new Response("Not Found", { status: 404 });
  const size = info.size;
  const headers: Record<string, string> = {
    "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "accept-ranges": "bytes",
    "cache-control": "public, max-age=3600",
    "last-modified": info.mtime.toUTCString(),
  };
  const range = parseRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers["content-length"] = String(end - start + 1);
  if (range) headers["content-range"] = `bytes ${start}-${end}/${size}`;
  const body = request.method === "HEAD" || size === 0 ? null : fileStream(file, start, end);
  return new Response(body, { status: range ? 206 : 200, headers });
}
