import "server-only";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { safeFetch, UnsafeUrlError } from "../net/safe-fetch";
import { mediaStorage } from "../storage";
import { checkImage, cleanImage, ImageRejected, UPLOAD_LIMITS } from "../uploads/image";
import { readLimited, storeUpload, type UploadAnswer } from "../uploads/intake";
import { mediaAuthFor, upstreamPrefixes } from "../upstream-link";

/**
 * A finished clip's last frame (or an image task's picture), turned into an upload so a new clip can
 * start from it. Our own stored
 * copy is used as it is (byte for byte); otherwise the upstream's link is fetched here on the server,
 * through the SSRF guard (net/safe-fetch.ts) with a time and size limit, and checked and re-encoded
 * like any upload, because it comes from outside.
 */

const FETCH_TIMEOUT_MS = 20_000;

/** What is being turned into a keyframe, in the words of each refusal. */
interface Still {
  /** "this clip's last frame" */
  name: string;
  /** "The clip's last frame" */
  Name: string;
}
const LAST_FRAME: Still = { name: "this clip's last frame", Name: "The clip's last frame" };
const PICTURE: Still = { name: "this image", Name: "The image" };

async function storedCopy(key: string, still: Still): Promise<UploadAnswer> {
  const file = await mediaStorage().read(key);
  if (!file) throw new AppError("conflict", `The stored copy of ${still.name} is missing.`);
  const bytes = Buffer.from(await readLimited(file.body, UPLOAD_LIMITS.maxBytes));
  const checked = await checkImage(bytes);
  return storeUpload({ ...checked, bytes });
}

async function fetchFrame(url: string, still: Still): Promise<Uint8Array> {
  const unavailable = () =>
    new AppError(
      "upstream_unavailable",
      `The video service did not hand over ${still.name} in time. Try again.`,
    );
  try {
    const answer = await safeFetch(url, {
      maxBytes: UPLOAD_LIMITS.maxBytes,
      timeoutMs: FETCH_TIMEOUT_MS,
      accept: "image/*",
      trusted: upstreamPrefixes(),
      headersFor: mediaAuthFor,
    });
    if (answer.status < 200 || answer.status >= 300) {
      throw new AppError(
        "upstream_rejected",
        `The video service refused ${still.name} (HTTP ${answer.status}); its link may have expired.`,
      );
    }
    return answer.body;
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    if (error.reason === "too_large") {
      throw new AppError("upstream_rejected", `${still.Name} is larger than 20 MB.`);
    }
    if (error.reason === "network" || error.reason === "timeout") throw unavailable();
    throw new AppError(
      "upstream_rejected",
      `${still.Name} has a link the studio does not fetch (${error.message}).`,
    );
  }
}

export function lastFrameUpload(parent: TaskRow): Promise<UploadAnswer> {
  return stillUpload(parent.lastFrameKey, parent.lastFrameUrl, LAST_FRAME);
}

/** A finished image task's picture, stored as it is (byte for byte), as an upload for a keyframe slot. */
export function pictureUpload(image: TaskRow): Promise<UploadAnswer> {
  return stillUpload(image.thumbnailKey, image.thumbnailUrl, PICTURE);
}

async function stillUpload(key: string | null, url: string | null, still: Still): Promise<UploadAnswer> {
  try {
    if (key) return await storedCopy(key, still);
    if (!url) throw new AppError("conflict", `The video service gave no link for ${still.name}.`);
    return await storeUpload(await cleanImage(await fetchFrame(url, still)));
  } catch (error) {
    if (error instanceof ImageRejected) {
      throw new AppError("upstream_rejected", `${still.Name} is not a usable image (${error.message}).`);
    }
    throw error;
  }
}
