import "server-only";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { simulatorAuthFor } from "../simulator-link";
import { mediaStorage } from "../storage";
import { checkImage, cleanImage, ImageRejected, UPLOAD_LIMITS } from "../uploads/image";
import { readLimited, storeUpload, type UploadAnswer } from "../uploads/intake";

/**
 * A finished clip's last frame, turned into an upload so a new clip can start from it. Our own stored
 * copy is used as it is (byte for byte); otherwise the upstream's link is fetched here on the server,
 * with a time and size limit, and checked and re-encoded like any upload, because it comes from outside.
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
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    throw new AppError("conflict", "This clip's last frame has no usable link.");
  }
  const unavailable = () =>
    new AppError(
      "upstream_unavailable",
      "The video service did not hand over this clip's last frame in time. Try again.",
    );
  let response: Response;
  try {
    response = await fetch(parsed, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      cache: "no-store",
      headers: simulatorAuthFor(parsed.toString()),
    });
  } catch {
    throw unavailable();
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new AppError(
      "upstream_rejected",
      `The video service refused this clip's last frame (HTTP ${response.status}); its link may have expired.`,
    );
  }
  const declared = Number(response.headers.get("content-length") ?? "0");
  const tooBig = () => new AppError("upstream_rejected", "The clip's last frame is larger than 20 MB.");
  if (declared > UPLOAD_LIMITS.maxBytes) {
    await response.body.cancel();
    throw tooBig();
  }
  try {
    return await readLimited(response.body, UPLOAD_LIMITS.maxBytes, tooBig);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unavailable();
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
