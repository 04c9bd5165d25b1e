import "server-only";
import { isLumaError } from "@/lib/luma";
import type { CreateGenerationInput, ExtendGenerationInput } from "@/lib/shared/generation-input";
import { capabilityProblems } from "@/lib/shared/generation-input";
import { hookUrlFor } from "../hooks";
import { AppError } from "../http/errors";
import { provider, providerName } from "../upstream";
import { newTaskId, randomToken } from "./ids";
import { resolveKeyframe } from "./keyframes";
import { requireCompletedParent } from "./lineage";
import { getTask } from "./queries";
import { type Created, insertOrReuse, keyOrFresh, submitUpstream } from "./submit";
import { describeSubmitFailure, type SubmitFailure } from "./submit-errors";

export const PARENT_GONE_MESSAGE =
  "The video service no longer has the original clip (it may have expired or been deleted), so it " +
  "can't be extended. Use “Continue from last frame” instead: it starts a new clip from this clip's final frame.";

// Relays answer an unknown parent with a 404, or with a 400 whose text says so.
const GONE_WORDS =
  /not\s+(?:be\s+)?found|no such|does not exist|doesn't exist|unknown (?:task|generation)|expired|deleted/i;

/** Whether an extend failed because the upstream no longer knows the parent clip. */
export function parentGone(error: unknown): boolean {
  if (!isLumaError(error)) return false;
  if (error.kind === "not_found") return true;
  return error.kind === "rejected" && GONE_WORDS.test(error.upstreamMessage ?? error.message);
}

export function describeExtendFailure(error: unknown, taskId: string): SubmitFailure {
  if (!parentGone(error)) return describeSubmitFailure(error, taskId);
  return {
    reason: PARENT_GONE_MESSAGE,
    code: "upstream_parent_missing",
    answer: new AppError("upstream_rejected", PARENT_GONE_MESSAGE, {
      taskId,
      suggestion: "continue_from_last_frame",
    }),
  };
}

/**
 * Extends a finished clip: a new `extend` task whose parent is the clip, sent to the upstream's extend
 * with the parent's upstream id. The aspect ratio, model and resolution are the parent's, because the
 * upstream continues the same video. Same idempotency and error rules as create.
 */
export async function extendGeneration(
  parentId: string,
  input: ExtendGenerationInput,
  idempotencyKey: string | null,
): Promise<Created> {
  const parent = await requireCompletedParent(parentId, "extend");
  if (!parent.upstreamId) {
    throw new AppError("conflict", "This clip has no upstream id, so the video service can't extend it.");
  }
  const upstream = provider();
  const backward = input.direction === "backward";
  if (backward && !upstream.capabilities.edits.extendBackward) {
    throw new AppError(
      "conflict",
      "This studio's video service extends clips forward only; Luma's Dream Machine API can also extend backward.",
    );
  }
  if (backward && input.endFrame) {
    const problem = "must be empty when extending backward: the clip itself is where the new segment ends";
    throw new AppError("validation_failed", `endFrame: ${problem}`, { fields: { endFrame: problem } });
  }
  const asCreate: CreateGenerationInput = {
    prompt: input.prompt,
    expandPrompt: input.expandPrompt,
    loop: false,
    endFrame: input.endFrame,
  };
  const problems = capabilityProblems(asCreate, upstream.capabilities);
  const first = Object.entries(problems)[0];
  if (first) throw new AppError("validation_failed", `${first[0]}: ${first[1]}`, { fields: problems });

  const end = await resolveKeyframe(input.endFrame, "endFrame");
  const { row, created } = await insertOrReuse({
    id: newTaskId(),
    provider: providerName(),
    kind: backward ? "reverse" : "extend",
    parentId: parent.id,
    prompt: input.prompt,
    expandPrompt: input.expandPrompt,
    loop: false,
    aspectRatio: parent.aspectRatio,
    model: parent.model,
    resolution: parent.resolution,
    duration: null,
    endUploadId: end?.uploadId ?? null,
    endImageUrl: end?.imageUrl ?? null,
    state: "submitting",
    idempotencyKey: keyOrFresh(idempotencyKey),
    hookSecret: randomToken(24),
  });
  if (!created) return { task: await getTask(row.id), created: false };

  const parentUpstreamId = parent.upstreamId;
  const task = await submitUpstream(
    row,
    (client, signal) =>
      client.extend(
        {
          parentUpstreamId,
          direction: backward ? "backward" : "forward",
          prompt: row.prompt,
          expandPrompt: row.expandPrompt,
          aspectRatio: row.aspectRatio ?? undefined,
          endImageUrl: end?.upstreamUrl,
          callbackUrl: hookUrlFor(row.id, row.hookSecret),
        },
        { signal },
      ),
    describeExtendFailure,
  );
  return { task, created: true };
}
