import "server-only";
import type { EditRequest } from "@/lib/luma";
import {
  type AudioInput,
  type EditInfo,
  type EditToolName,
  type InterpolateInput,
  type ModifyInput,
  type UpscaleInput,
  upscaleTargets,
} from "@/lib/shared/edit-input";
import type { TaskRow } from "../db/schema";
import { hookUrlFor } from "../hooks";
import { AppError } from "../http/errors";
import { provider, providerName } from "../upstream";
import { describeExtendFailure } from "./extend";
import { newTaskId, randomToken } from "./ids";
import { resolveKeyframe } from "./keyframes";
import { requireCompletedParent } from "./lineage";
import { getTask } from "./queries";
import { type Created, findByIdempotencyKey, insertOrReuse, keyOrFresh, submitUpstream } from "./submit";

/**
 * Upscale, add audio, modify: a new task made from a finished clip, recorded as its child with the tool
 * as its kind and the tool's settings in `extra.edit`, so lineage and the family view can say what it is.
 * The upstream answers with an ordinary generation, which the watcher, webhooks and mirroring follow like
 * any other. Offered only where the provider's `capabilities.edits` says so; otherwise refused here with
 * the reason, before anything is written.
 */

export type EditInput =
  | { tool: "upscale"; input: UpscaleInput }
  | { tool: "audio"; input: AudioInput }
  | { tool: "modify"; input: ModifyInput }
  | { tool: "interpolate"; input: InterpolateInput };

/** The kind of task each tool makes. */
const KIND = { upscale: "upscale", audio: "audio", modify: "modify", interpolate: "bridge" } as const;

const TOOL_NAMES: Record<EditToolName, string> = {
  upscale: "Upscale",
  audio: "Add audio",
  modify: "Modify",
  interpolate: "Bridge between clips",
};

function refuseUnoffered(tool: EditToolName): void {
  const { edits } = provider().capabilities;
  const offered = tool === "upscale" ? edits.upscale.length > 0 : edits[tool];
  if (!offered) {
    throw new AppError(
      "conflict",
      `${TOOL_NAMES[tool]} is not offered by this studio's video service; Luma's Dream Machine API offers it.`,
    );
  }
}

function checkInput(source: TaskRow, edit: EditInput): void {
  if (edit.tool !== "upscale") return;
  const targets = upscaleTargets(source.resolution, provider().capabilities.edits.upscale);
  if (!targets.includes(edit.input.resolution)) {
    const message = targets.length
      ? `resolution: must be one of ${targets.join(", ")} (above the clip's own ${source.resolution ?? "resolution"})`
      : `resolution: this clip is already ${source.resolution}; there is nothing higher to upscale to`;
    throw new AppError("validation_failed", message, { fields: { resolution: message.slice(12) } });
  }
}

/** The clip a bridge leads to: finished, another clip, and known to the same upstream. */
async function bridgeTarget(source: TaskRow, toId: string): Promise<TaskRow & { upstreamId: string }> {
  if (toId === source.id) {
    throw new AppError(
      "validation_failed",
      "toId: must be another clip than the one the bridge starts from",
      {
        fields: { toId: "must be another clip than the one the bridge starts from" },
      },
    );
  }
  const to = await requireCompletedParent(toId, "interpolate");
  if (!to.upstreamId || to.provider !== source.provider) {
    throw new AppError(
      "conflict",
      "The clip to bridge to was not made by this video service, so it can't be used.",
    );
  }
  return { ...to, upstreamId: to.upstreamId };
}

function editInfo(edit: EditInput, to: TaskRow | null): EditInfo {
  switch (edit.tool) {
    case "upscale":
      return { tool: "upscale", resolution: edit.input.resolution };
    case "audio":
      return {
        tool: "audio",
        prompt: edit.input.prompt || null,
        negativePrompt: edit.input.negativePrompt || null,
      };
    case "modify":
      return { tool: "modify", mode: edit.input.mode, prompt: edit.input.prompt || null };
    case "interpolate":
      return { tool: "interpolate", toId: edit.input.toId, toPrompt: to?.prompt ?? null };
  }
}

export async function editGeneration(
  sourceId: string,
  edit: EditInput,
  idempotencyKey: string | null,
): Promise<Created> {
  refuseUnoffered(edit.tool);
  const source = await requireCompletedParent(sourceId, edit.tool);
  const sourceUpstreamId = source.upstreamId;
  if (!sourceUpstreamId) {
    throw new AppError("conflict", "This clip has no upstream id, so the video service can't edit it.");
  }
  checkInput(source, edit);
  if (edit.tool === "modify" && !source.videoUrl) {
    throw new AppError("conflict", "The video service's copy of this clip is gone, so it can't be modified.");
  }
  const earlier = await findByIdempotencyKey(idempotencyKey);
  if (earlier) return { task: await getTask(earlier.id), created: false };

  const to = edit.tool === "interpolate" ? await bridgeTarget(source, edit.input.toId) : null;
  const firstFrame =
    edit.tool === "modify" ? await resolveKeyframe(edit.input.firstFrame, "startFrame") : null;
  const info = editInfo(edit, to);
  const ownPrompt =
    edit.tool === "interpolate"
      ? edit.input.prompt
      : info.tool === "audio" || info.tool === "modify"
        ? info.prompt
        : null;
  const { row, created } = await insertOrReuse({
    id: newTaskId(),
    provider: providerName(),
    kind: KIND[edit.tool],
    parentId: source.id,
    prompt: ownPrompt ?? source.prompt,
    expandPrompt: false,
    loop: source.loop,
    aspectRatio: source.aspectRatio,
    model: source.model,
    resolution: info.tool === "upscale" ? info.resolution : source.resolution,
    duration: source.duration,
    startUploadId: firstFrame?.uploadId ?? null,
    startImageUrl: firstFrame?.imageUrl ?? null,
    state: "submitting",
    idempotencyKey: keyOrFresh(idempotencyKey),
    hookSecret: randomToken(24),
    extra: { edit: info },
  });
  if (!created) return { task: await getTask(row.id), created: false };

  const callbackUrl = hookUrlFor(row.id, row.hookSecret);
  const request: EditRequest =
    edit.tool === "interpolate"
      ? {
          tool: "interpolate",
          fromUpstreamId: sourceUpstreamId,
          toUpstreamId: to!.upstreamId,
          prompt: edit.input.prompt,
          aspectRatio: source.aspectRatio ?? undefined,
          callbackUrl,
        }
      : edit.tool === "upscale"
        ? { tool: "upscale", sourceUpstreamId, resolution: edit.input.resolution, callbackUrl }
        : edit.tool === "audio"
          ? {
              tool: "audio",
              sourceUpstreamId,
              prompt: edit.input.prompt || undefined,
              negativePrompt: edit.input.negativePrompt || undefined,
              callbackUrl,
            }
          : edit.tool === "modify"
            ? {
                tool: "modify",
                sourceVideoUrl: source.videoUrl!,
                mode: edit.input.mode,
                prompt: edit.input.prompt || undefined,
                model: source.model ?? undefined,
                firstFrameUrl: firstFrame?.upstreamUrl,
                callbackUrl,
              }
            : unreachable(edit);
  const task = await submitUpstream(
    row,
    (client, signal) => client.edit(request, { signal }),
    describeExtendFailure,
  );
  return { task, created: true };
}

function unreachable(edit: never): never {
  throw new Error(`unknown tool ${JSON.stringify(edit)}`);
}
