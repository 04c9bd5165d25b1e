import "server-only";
import type { CreateGenerationInput, KeyframeInput } from "@/lib/shared/generation-input";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { type Created, createGeneration } from "./create";
import { deleteStoredMedia } from "./delete";
import { conceptsOf } from "./present";
import { getTask, getTaskRow } from "./queries";
import { findByIdempotencyKey } from "./submit";

function keyframe(uploadId: string | null, url: string | null): KeyframeInput | null {
  if (uploadId) return { uploadId };
  return url && /^https?:\/\//.test(url) ? { url } : null;
}

/** The failed clip's request, as it was sent. */
export function retryInputOf(row: TaskRow): CreateGenerationInput {
  return {
    prompt: row.prompt,
    expandPrompt: row.expandPrompt,
    loop: row.loop,
    aspectRatio: row.aspectRatio ?? undefined,
    model: row.model ?? undefined,
    resolution: row.resolution ?? undefined,
    duration: row.duration ?? undefined,
    startFrame: keyframe(row.startUploadId, row.startImageUrl),
    endFrame: keyframe(row.endUploadId, row.endImageUrl),
    concepts: conceptsOf(row),
  };
}

/**
 * "Retry": the failed clip's request sent again as a new clip that takes its place. The new row is
 * written and the failed one removed in one transaction, so the gallery never holds both (a failed
 * clip has no children: nothing can be extended from it). The new clip keeps the failed one's parent,
 * so a retried "continue from last frame" stays in its family, and its star and boards (insertOrReuse). A repeated idempotency key answers with
 * the clip the first request made.
 */
const NOT_RETRIED = {
  extend: "A failed extension can't be retried here; extend the original clip again instead.",
  reverse: "A failed extension can't be retried here; extend the original clip again instead.",
  reframe: "A failed reframe can't be retried here; reframe the original clip again instead.",
  bridge: "A failed bridge can't be retried here; bridge the two clips again instead.",
  upscale: "A failed upscale can't be retried here; upscale the original clip again instead.",
  audio: "A failed soundtrack can't be retried here; add audio to the original clip again instead.",
  modify: "A failed modify can't be retried here; modify the original clip again instead.",
  image: "A failed image can't be retried here; create it again from a keyframe slot instead.",
} as const;

export async function retryFailed(id: string, idempotencyKey: string | null): Promise<Created> {
  const earlier = await findByIdempotencyKey(idempotencyKey);
  if (earlier) return { task: await getTask(earlier.id), created: false };
  const failed = await getTaskRow(id);
  if (failed.state !== "failed") {
    throw new AppError("conflict", `Only a failed clip can be retried; this one is ${failed.state}.`);
  }
  if (failed.kind !== "generate") {
    throw new AppError("conflict", NOT_RETRIED[failed.kind]);
  }
  const created = await createGeneration(
    retryInputOf(failed),
    idempotencyKey,
    failed.parentId ? { parentId: failed.parentId } : null,
    failed.id,
  );
  await deleteStoredMedia(failed);
  return created;
}
