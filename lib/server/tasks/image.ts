import "server-only";
import { type CreateImageInput, imageProblems } from "@/lib/shared/image-input";
import { hookUrlFor } from "../hooks";
import { AppError } from "../http/errors";
import { mirrorNow } from "../media/mirroring";
import type { UploadAnswer } from "../uploads/intake";
import { provider, providerName } from "../upstream";
import { newTaskId, randomToken } from "./ids";
import { resolveKeyframe } from "./keyframes";
import { pictureUpload } from "./last-frame";
import { getTask, getTaskRow } from "./queries";
import { type Created, findByIdempotencyKey, insertOrReuse, keyOrFresh, submitUpstream } from "./submit";

/**
 * A still from text (official Photon): an `image` task that the watcher, webhooks and the mirror follow
 * like a clip. Its picture arrives where a clip's poster does (`assets.image`), so it is stored as the
 * task's thumbnail and shown as `image`; "Use as keyframe" turns it into an upload (./image-keyframe.ts).
 */
export async function createImage(input: CreateImageInput, idempotencyKey: string | null): Promise<Created> {
  const upstream = provider();
  const problems = imageProblems(input, upstream.capabilities);
  const first = Object.entries(problems)[0];
  if (first) throw new AppError("validation_failed", `${first[0]}: ${first[1]}`, { fields: problems });
  const images = upstream.capabilities.images;
  if (!images || !upstream.createImage) {
    throw new AppError("validation_failed", "prompt: this provider makes no images", {
      fields: { prompt: "this provider makes no images" },
    });
  }
  // A repeated submit must not check and send the references again; the first answer is the answer.
  const earlier = await findByIdempotencyKey(idempotencyKey);
  if (earlier) return { task: await getTask(earlier.id), created: false };

  const [imageRefs, styleRef, characterRefs] = await Promise.all([
    Promise.all((input.imageRefs ?? []).map((ref, i) => resolveKeyframe(ref, `imageRefs.${i}`))),
    resolveKeyframe(input.styleRef, "styleRef"),
    Promise.all((input.characterRefs ?? []).map((ref, i) => resolveKeyframe(ref, `characterRefs.${i}`))),
  ]);
  const format = input.format ?? "jpg";
  const { row, created } = await insertOrReuse({
    id: newTaskId(),
    provider: providerName(),
    kind: "image",
    parentId: null,
    prompt: input.prompt,
    aspectRatio: input.aspectRatio ?? "16:9",
    model: input.model ?? images.defaultModel,
    state: "submitting",
    idempotencyKey: keyOrFresh(idempotencyKey),
    hookSecret: randomToken(24),
    extra: {
      format,
      references: {
        images: imageRefs.length,
        style: styleRef ? 1 : 0,
        character: characterRefs.length,
      },
    },
  });
  if (!created) return { task: await getTask(row.id), created: false };

  const create = upstream.createImage;
  const task = await submitUpstream(row, (_client, signal) =>
    create(
      {
        prompt: row.prompt,
        model: row.model ?? undefined,
        aspectRatio: row.aspectRatio ?? undefined,
        format,
        imageRefs: imageRefs.flatMap((ref) => (ref ? [{ url: ref.upstreamUrl }] : [])),
        styleRef: styleRef ? { url: styleRef.upstreamUrl } : undefined,
        characterImages: characterRefs.flatMap((ref) => (ref ? [ref.upstreamUrl] : [])),
        callbackUrl: hookUrlFor(row.id, row.hookSecret),
      },
      { signal },
    ),
  );
  return { task, created: true };
}

/**
 * "Use as keyframe": a finished image task's picture as an upload (the stored copy byte for byte), so
 * a keyframe slot holds it like any image the creator dropped in.
 */
export async function imageAsKeyframe(id: string): Promise<UploadAnswer> {
  const row = await getTaskRow(id);
  if (row.kind !== "image") {
    throw new AppError(
      "conflict",
      "Only an image can be used as a keyframe here; to start from a clip, use Continue from last frame.",
    );
  }
  if (row.state !== "completed") {
    throw new AppError(
      "conflict",
      row.state === "failed"
        ? "This image failed, so it has no picture to use. Create it again."
        : `This image is still being made (${row.state}); it can be used once it is finished.`,
    );
  }
  // The slot takes the studio's own copy as it is: a picture not copied yet is copied first.
  const stored = row.thumbnailKey ? row : ((await mirrorNow(row.id)) ?? row);
  return pictureUpload(stored);
}
