import "server-only";
import type { ContinueGenerationInput } from "@/lib/shared/generation-input";
import { type Created, createGeneration } from "./create";
import { lastFrameUpload } from "./last-frame";
import { requireCompletedParent } from "./lineage";
import { getTask } from "./queries";
import { findByIdempotencyKey } from "./submit";

/**
 * "Continue from last frame": a new `generate` clip whose start keyframe is the parent's last frame.
 * It works where extend does not (the upstream forgot the parent, or offers no extend) and records the
 * parent, so the family view shows where it came from. Settings default to the parent's.
 */
export async function continueFromLastFrame(
  parentId: string,
  input: ContinueGenerationInput,
  idempotencyKey: string | null,
): Promise<Created> {
  const parent = await requireCompletedParent(parentId, "continue");
  // A repeated submit must not fetch and store the frame again; the first answer is the answer.
  const earlier = await findByIdempotencyKey(idempotencyKey);
  if (earlier) return { task: await getTask(earlier.id), created: false };

  const frame = await lastFrameUpload(parent);
  return createGeneration(
    {
      ...input,
      aspectRatio: input.aspectRatio ?? parent.aspectRatio ?? undefined,
      model: input.model ?? parent.model ?? undefined,
      resolution: input.resolution ?? parent.resolution ?? undefined,
      startFrame: { uploadId: frame.id },
    },
    idempotencyKey,
    { parentId: parent.id },
  );
}
