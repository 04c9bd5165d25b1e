import "server-only";
import { createHash } from "node:crypto";

/**
 * Readable download names: a slug of the prompt plus a short, stable id, e.g. `red-fox-in-snow-3f9a2c.mp4`.
 * The plain `filename` is ASCII-only for old clients; `filename*` (RFC 5987/6266) keeps other scripts.
 */

const MAX_SLUG = 48;

function cut(slug: string): string {
  if (slug.length <= MAX_SLUG) return slug;
  const short = slug.slice(0, MAX_SLUG);
  const lastDash = short.lastIndexOf("-");
  return (lastDash > 16 ? short.slice(0, lastDash) : short).replace(/-+$/, "");
}

/** Lower-case ASCII words joined by dashes; accents are folded (`Café` → `cafe`), other scripts dropped. */
export function asciiSlug(text: string): string {
  const folded = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return cut(
    folded
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, ""),
  );
}

/** Like asciiSlug, but letters and digits of every script survive (`红狐 in snow` → `红狐-in-snow`). */
export function unicodeSlug(text: string): string {
  return cut(
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  );
}

/** Six hex characters derived from the task id: stable per clip, and reveals nothing about the id. */
export function shortId(taskId: string): string {
  return createHash("sha256").update(taskId).digest("hex").slice(0, 6);
}

export interface DownloadName {
  ascii: string;
  unicode: string;
}

/** `prompt` null (a share link that hides the prompt) gives a neutral name. */
export function downloadName(prompt: string | null, taskId: string, extension = "mp4"): DownloadName {
  const tail = `${shortId(taskId)}.${extension}`;
  const ascii = prompt ? asciiSlug(prompt) : "";
  const unicode = prompt ? unicodeSlug(prompt) : "";
  return {
    ascii: `${ascii || "luma-clip"}-${tail}`,
    unicode: `${unicode || ascii || "luma-clip"}-${tail}`,
  };
}

/** RFC 5987 percent-encoding: `encodeURIComponent` plus the few characters it leaves that the RFC does not. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function attachmentDisposition(name: DownloadName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc5987(name.unicode)}`;
}
