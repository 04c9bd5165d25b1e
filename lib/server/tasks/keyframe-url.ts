import "server-only";
import { AppError } from "../http/errors";
import { safeFetch, UnsafeUrlError } from "../net/safe-fetch";
import { checkImage, ImageRejected, UPLOAD_LIMITS } from "../uploads/image";

/**
 * A creator's keyframe URL is fetched once here, through the SSRF guard, before anything is sent
 * upstream: an unreachable, private or non-image URL gets a clear field error instead of a failed
 * (and possibly billed) upstream task.
 */

const TIMEOUT_MS = 15_000;

export async function assertKeyframeUrl(url: string, field: "startFrame" | "endFrame"): Promise<void> {
  const refuse = (why: string) =>
    new AppError("validation_failed", `${field}: the image URL ${why}`, {
      fields: { [field]: `the image URL ${why}` },
    });
  let body: Buffer;
  try {
    const answer = await safeFetch(url, { maxBytes: UPLOAD_LIMITS.maxBytes, timeoutMs: TIMEOUT_MS });
    if (answer.status !== 200) throw refuse(`answered HTTP ${answer.status}`);
    body = answer.body;
  } catch (error) {
    if (error instanceof UnsafeUrlError) {
      const why =
        error.reason === "address"
          ? "points at a private or local address, which the studio does not fetch"
          : error.reason === "too_large"
            ? "is larger than 20 MB"
            : error.message;
      throw refuse(why);
    }
    throw error;
  }
  try {
    await checkImage(body);
  } catch (error) {
    if (error instanceof ImageRejected)
      throw refuse(`is not a usable image (${error.message.replace(/^file: /, "")})`);
    throw error;
  }
}
