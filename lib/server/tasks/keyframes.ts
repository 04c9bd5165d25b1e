import "server-only";
import type { KeyframeInput } from "@/lib/shared/generation-input";
import { env } from "../env";
import { AppError } from "../http/errors";
import { keyframeMediaPath } from "../media/access";
import { mediaStorage } from "../storage";
import { findUpload } from "../uploads/intake";
import { assertKeyframeUrl } from "./keyframe-url";

export interface ResolvedKeyframe {
  uploadId: string | null;
  imageUrl: string | null;
  /** What the upstream receives: a public URL of our copy, a data: URL, or the creator's own URL. */
  upstreamUrl: string;
}

async function dataUrl(key: string, contentType: string): Promise<string> {
  const file = await mediaStorage().read(key);
  if (!file) throw new AppError("conflict", "The keyframe's stored file is missing; upload it again");
  const bytes = Buffer.from(await new Response(file.body).arrayBuffer());
  return `data:${contentType};base64,${bytes.toString("base64")}`;
}

/** Turns the form's keyframe reference into what the task stores and what the upstream is sent. */
export async function resolveKeyframe(
  input: KeyframeInput | null | undefined,
  /** The request's field, named in every refusal (`startFrame`, `imageRefs.0`, …). */
  field: string,
): Promise<ResolvedKeyframe | null> {
  if (!input) return null;
  if ("url" in input) {
    await assertKeyframeUrl(input.url, field);
    return { uploadId: null, imageUrl: input.url, upstreamUrl: input.url };
  }
  const upload = await findUpload(input.uploadId);
  if (!upload) {
    throw new AppError("validation_failed", `${field}: no uploaded image with that id; upload it again`, {
      fields: { [field]: "unknown upload" },
    });
  }
  const publicBase = env().publicBaseUrl;
  const upstreamUrl = publicBase
    ? // A signed path: the upstream fetches it without a session, and it opens this one upload only.
      `${publicBase}${keyframeMediaPath(upload.storageKey)}`
    : await dataUrl(upload.storageKey, upload.contentType);
  return { uploadId: upload.id, imageUrl: null, upstreamUrl };
}
