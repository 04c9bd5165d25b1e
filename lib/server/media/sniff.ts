import "server-only";
/** What a file is, from its first bytes: upstreams sometimes answer 200 with an HTML error page. */

export type MediaFormat = "mp4" | "jpg" | "png" | "webp";

export const SNIFF_BYTES = 12;

export function sniffFormat(head: Uint8Array): MediaFormat | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 8 && ascii(4, 8) === "ftyp") return "mp4";
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpg";
  if (head.length >= 8 && ascii(1, 4) === "PNG" && head[0] === 0x89) return "png";
  if (head.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return null;
}
