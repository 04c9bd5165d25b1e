import "server-only";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { safeFetch, UnsafeUrlError } from "../net/safe-fetch";
import { mediaStorage } from "../storage";
import { checkImage, cleanImage, ImageRejected, UPLOAD_LIMITS } from "../uploads/image";
import { readLimited, storeUpload, type UploadAnswer } from "../uploads/intake";
import { mediaAuthFor, upstreamPrefixes } from "../upstream-link";

/**
 * A finished clip's last frame, turned into an upload so a new clip can start from it. Our own stored
 * copy is used as it is (byte for byte); otherwise the upstream's link is fetched here on the server,
 * through the SSRF guard (net/safe-fetch.ts) with a time and size limit, and checked and re-encoded
 * like any upload, because it comes from outside.
 */

const FETCH_TIMEOUT_MS = 20_000;

async function storedCopy(key: string): Promise<UploadAnswer> {
  const file = await mediaStorage().read(key);
  if (!file) throw new AppError("conflict", "The stored last frame of this clip is missing.");
  const bytes = Buffer.from(await readLimited(file.body, UPLOAD_LIMITS.maxBytes));
  const checked = await checkImage(bytes);
  return storeUpload({ ...checked, bytes });
}

async function fetchFrame(url: string): Promise<Uint8Array> {
  const unavailable = () =>
    new AppError(
      "upstream_unavailable",
      "The video service did not hand over this clip's last frame in time. Try again.",
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
        `The video service refused this clip's last frame (HTTP ${answer.status}); its link may have expired.`,
      );
    }
    return answer.body;
  } catch (error) {
    if (!(error instanceof UnsafeUrlError)) throw error;
    if (error.reason === "too_large") {
      throw new AppError("upstream_rejected", "The clip's last frame is larger than 20 MB.");
    }
    if (error.reason === "network" || error.reason === "timeout") throw unavailable();
    throw new AppError(
      "upstream_rejected",
      `This clip's last frame has a link the studio does not fetch (${error.message}).`,
    );
  }
}

export async function lastFrameUpload(parent: TaskRow): Promise<UploadAnswer> {
  try {
    if (parent.lastFrameKey) return await storedCopy(parent.lastFrameKey);
    if (!parent.lastFrameUrl) {
      throw new AppError("conflict", "The video service gave no last frame for this clip.");
    }
    return await storeUpload(await cleanImage(await fetchFrame(parent.lastFrameUrl)));
  } catch (error) {
    if (error instanceof ImageRejected) {
      throw new AppError(
        "upstream_rejected",
        `The clip's last frame is not a usable image (${error.message}).`,
      );
    }
    throw error;
  }
}
