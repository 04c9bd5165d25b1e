import "server-only";
import sharp from "sharp";
import { AppError } from "../http/errors";
import { type SafeFetchOptions, safeFetch, UnsafeUrlError } from "../net/safe-fetch";
import { checkImage, ImageRejected, UPLOAD_LIMITS } from "../uploads/image";

/**
 * A creator's keyframe URL is fetched here, through the SSRF guard: once when it is entered (the check
 * route, for a preview) and once more before anything is sent upstream, so an unreachable, private or
 * non-image URL gets a clear field error instead of a failed (and possibly billed) upstream task.
 * Problems start with "the image URL …": the browser turns each into a whole sentence of its own
 * (lib/client/keyframe-url-problems.ts).
 */

const TIMEOUT_MS = 15_000;
const PREVIEW_EDGE = 256;

export interface KeyframeUrlCheck {
  url: string;
  width: number;
  height: number;
  type: string;
  /** A small WebP of the image as a data: URL, so the page shows it without fetching the URL itself. */
  preview: string;
}

type TestHooks = Pick<SafeFetchOptions, "allowAddress">;

async function fetchImage(url: string, refuse: (why: string) => AppError, hooks: TestHooks = {}) {
  let body: Buffer;
  try {
    const answer = await safeFetch(url, {
      maxBytes: UPLOAD_LIMITS.maxBytes,
      timeoutMs: TIMEOUT_MS,
      accept: "image/*",
      ...hooks,
    });
    if (answer.status !== 200) throw refuse(`answered HTTP ${answer.status}`);
    body = answer.body;
  } catch (error) {
    if (error instanceof UnsafeUrlError) {
      const why =
        error.reason === "address"
          ? "points at a private or local address, which the studio does not fetch"
          : error.reason === "too_large"
            ? `is larger than ${UPLOAD_LIMITS.maxBytes / 1024 / 1024} MB`
            : error.message;
      throw refuse(why);
    }
    throw error;
  }
  try {
    return { body, ...(await checkImage(body)) };
  } catch (error) {
    if (error instanceof ImageRejected)
      throw refuse(`is not a usable image (${error.message.replace(/^file: /, "")})`);
    throw error;
  }
}

const refusal = (field: string) => (why: string) =>
  new AppError("validation_failed", `${field}: the image URL ${why}`, {
    fields: { [field]: `the image URL ${why}` },
  });

export async function assertKeyframeUrl(url: string, field: string): Promise<void> {
  await fetchImage(url, refusal(field));
}

/** The check behind POST /api/keyframes/check: what the URL holds, and a preview of it. */
export async function checkKeyframeUrl(url: string, hooks: TestHooks = {}): Promise<KeyframeUrlCheck> {
  const refuse = refusal("url");
  const image = await fetchImage(url, refuse, hooks);
  let thumbnail: Buffer;
  try {
    thumbnail = await sharp(image.body, { limitInputPixels: UPLOAD_LIMITS.maxPixels })
      .rotate()
      .resize(PREVIEW_EDGE, PREVIEW_EDGE, { fit: "inside", withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
  } catch {
    throw refuse("is not a usable image (the image could not be decoded; it may be damaged)");
  }
  return {
    url,
    width: image.width,
    height: image.height,
    type: image.type,
    preview: `data:image/webp;base64,${thumbnail.toString("base64")}`,
  };
}
