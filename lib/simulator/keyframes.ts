import { writeFile } from "node:fs/promises";
import { runFfmpeg } from "./ffmpeg";
import type { KeyframeFetcher } from "./keyframe-fetch";
import { type Dimensions, errorMessage, SimulatorError } from "./types";

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** A source video of modify / reframe: Luma takes up to 100 MB. */
export const MAX_VIDEO_BYTES = 100 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;

/** Image type by magic bytes; the declared content type of a URL is not trusted. */
export function imageExtension(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "gif";
  if (starts(0x42, 0x4d)) return "bmp";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.slice(8, 12)) === "WEBP") return "webp";
  return null;
}

function decodeDataUrl(url: string, field: string): Uint8Array {
  const match = /^data:([^,]*),(.*)$/s.exec(url);
  if (!match) throw new SimulatorError(400, `${field}: malformed data URL`);
  const [, meta = "", payload = ""] = match;
  if (!meta.endsWith(";base64")) return new TextEncoder().encode(decodeURIComponent(payload));
  return Buffer.from(payload, "base64");
}

/**
 * Reads a keyframe the way a relay would: a base64 data URL or an http(s) URL, downloaded by the
 * simulator's keyframe fetcher (keyframe-fetch.ts); any refusal is the relay's 400 with its reason.
 */
export function readKeyframe(
  url: string,
  field: string,
  fetchKeyframe: KeyframeFetcher,
): Promise<Uint8Array> {
  return readMediaUrl(url, field, fetchKeyframe, "image");
}

/**
 * The same guarded reading for any media a request names by URL (a keyframe image, or the source video
 * of modify / reframe, with its larger limit).
 */
export async function readMediaUrl(
  url: string,
  field: string,
  fetchKeyframe: KeyframeFetcher,
  what: "image" | "video",
): Promise<Uint8Array> {
  const trimmed = url.trim();
  if (trimmed.startsWith("data:")) return decodeDataUrl(trimmed, field);
  if (/^https?:\/\//i.test(trimmed)) {
    const maxBytes = what === "video" ? MAX_VIDEO_BYTES : MAX_IMAGE_BYTES;
    try {
      return await fetchKeyframe(trimmed, {
        maxBytes,
        timeoutMs: FETCH_TIMEOUT_MS * (what === "video" ? 3 : 1),
      });
    } catch (error) {
      throw new SimulatorError(400, `${field}: could not fetch ${what} (${errorMessage(error)})`);
    }
  }
  throw new SimulatorError(400, `${field}: must be an http(s) URL or a base64 data URL`);
}

/**
 * Decodes the image and fits it to the output size (cover, centred crop) as a PNG; a file ffmpeg cannot
 * decode is the relay's "unreadable keyframe" 400.
 */
export async function normalizeKeyframe(
  bytes: Uint8Array,
  field: string,
  size: Dimensions,
  target: string,
): Promise<void> {
  const extension = imageExtension(bytes);
  if (!extension)
    throw new SimulatorError(400, `${field}: not a readable image (png, jpeg, webp, gif or bmp)`);
  const source = `${target}.${extension}`;
  await writeFile(source, bytes);
  const { width, height } = size;
  try {
    await runFfmpeg([
      "-i",
      source,
      "-frames:v",
      "1",
      "-vf",
      `scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height},setsar=1`,
      "-f",
      "image2",
      "-c:v",
      "png",
      target,
    ]);
  } catch {
    throw new SimulatorError(400, `${field}: could not decode image`);
  }
}
