import "server-only";
import type { EditRequest } from "@/lib/luma";
import {
  type AudioInput,
  type EditInfo,
  type EditToolName,
  type InterpolateInput,
  type ModifyInput,
  type ReframeInput,
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
  | { tool: "reframe"; input: ReframeInput }
  | { tool: "interpolate"; input: InterpolateInput };

/** The kind of task each tool makes. */
const KIND = {
  upscale: "upscale",
  audio: "audio",
  modify: "modify",
  reframe: "reframe",
  interpolate: "bridge",
} as const;

const TOOL_NAMES: Record<EditToolName, string> = {
  upscale: "Upscale",
  audio: "Add audio",
  modify: "Modify",
  reframe: "Reframe",
  interpolate: "Bridge between clips",
};

function refuseUnoffered(tool: EditToolName): void {
  const { edits } = provider().capabilities;
  const offered =
    tool === "upscale"
      ? edits.upscale.length > 0
      : tool === "reframe"
        ? edits.reframe.length > 0
        : edits[tool];
  if (!offered) {
    throw new AppError(
      "conflict",
      `${TOOL_NAMES[tool]} is not offered by this studio's video service; Luma's Dream Machine API offers it.`,
    );
  }
}

function checkInput(source: TaskRow, edit: EditInput): void {
  if (edit.tool === "reframe") {
    const own = source.aspectRatio ?? "16:9";
    const offered = provider().capabilities.edits.reframe.filter((ratio) => ratio !== own);
    if (!offered.includes(edit.input.aspectRatio)) {
      const problem = `must be one of ${offered.join(", ")} (not the clip's own ${own})`;
      throw new AppError("validation_failed", `aspectRatio: ${problem}`, {
        fields: { aspectRatio: problem },
      });
    }
    return;
  }
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
    case "reframe":
      return { tool: "reframe", aspectRatio: edit.input.aspectRatio, prompt: edit.input.prompt || null };
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
  if ((edit.tool === "modify" || edit.tool === "reframe") && !source.videoUrl) {
    throw new AppError("conflict", "The video service's copy of this clip is gone, so it can't be edited.");
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
      : info.tool === "audio" || info.tool === "modify" || info.tool === "reframe"
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
    aspectRatio: edit.tool === "reframe" ? edit.input.aspectRatio : source.aspectRatio,
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

  const request = upstreamRequest(edit, {
    source,
    sourceUpstreamId,
    toUpstreamId: to?.upstreamId ?? null,
    firstFrameUrl: firstFrame?.upstreamUrl,
    callbackUrl: hookUrlFor(row.id, row.hookSecret),
  });
  const task = await submitUpstream(
    row,
    (client, signal) => client.edit(request, { signal }),
    describeExtendFailure,
  );
  return { task, created: true };
}

/** What the upstream is sent for each tool. */
function upstreamRequest(
  edit: EditInput,
  context: {
    source: TaskRow;
    sourceUpstreamId: string;
    toUpstreamId: string | null;
    firstFrameUrl: string | undefined;
    callbackUrl: string | undefined;
  },
): EditRequest {
  const { source, sourceUpstreamId, callbackUrl } = context;
  const sourceVideoUrl = source.videoUrl ?? "";
  const model = source.model ?? undefined;
  switch (edit.tool) {
    case "upscale":
      return { tool: "upscale", sourceUpstreamId, resolution: edit.input.resolution, callbackUrl };
    case "audio":
      return {
        tool: "audio",
        sourceUpstreamId,
        prompt: edit.input.prompt || undefined,
        negativePrompt: edit.input.negativePrompt || undefined,
        callbackUrl,
      };
    case "modify":
      return {
        tool: "modify",
        sourceVideoUrl,
        mode: edit.input.mode,
        prompt: edit.input.prompt || undefined,
        model,
        firstFrameUrl: context.firstFrameUrl,
        callbackUrl,
      };
    case "reframe":
      return {
        tool: "reframe",
        sourceVideoUrl,
        aspectRatio: edit.input.aspectRatio,
        prompt: edit.input.prompt || undefined,
        model,
        bounds: boundsOf(source, edit.input),
        callbackUrl,
      };
    case "interpolate":
      return {
        tool: "interpolate",
        fromUpstreamId: sourceUpstreamId,
        toUpstreamId: context.toUpstreamId ?? "",
        prompt: edit.input.prompt,
        aspectRatio: source.aspectRatio ?? undefined,
        callbackUrl,
      };
  }
}

/**
 * The placement as pixel bounds on the new canvas, which keeps the source's short side (as Luma's reframe
 * and the simulator do). The source's size is its video's when known, else what its resolution names.
 */
export function boundsOf(
  source: Pick<TaskRow, "width" | "height" | "aspectRatio" | "resolution">,
  input: ReframeInput,
): { xStart: number; xEnd: number; yStart: number; yEnd: number } | undefined {
  const place = input.placement;
  if (!place) return undefined;
  const size = source.width && source.height ? { width: source.width, height: source.height } : named(source);
  const ratio = ratioOf(input.aspectRatio);
  const short = Math.min(size.width, size.height);
  const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));
  const canvas =
    ratio >= 1
      ? { width: even(short * ratio), height: even(short) }
      : { width: even(short), height: even(short / ratio) };
  const clamp = (value: number, limit: number) => Math.min(limit, Math.max(0, Math.round(value)));
  const xStart = clamp(place.x * canvas.width, canvas.width - 2);
  const yStart = clamp(place.y * canvas.height, canvas.height - 2);
  return {
    xStart,
    xEnd: Math.max(xStart + 2, clamp((place.x + place.width) * canvas.width, canvas.width)),
    yStart,
    yEnd: Math.max(yStart + 2, clamp((place.y + place.height) * canvas.height, canvas.height)),
  };
}

function ratioOf(aspectRatio: string | null): number {
  const [a, b] = (aspectRatio ?? "16:9").split(":").map(Number);
  return a && b ? a / b : 16 / 9;
}

/** 720p: a 720-pixel short side, the long side from the aspect ratio. */
function named(source: Pick<TaskRow, "aspectRatio" | "resolution">): { width: number; height: number } {
  const short = { "540p": 540, "720p": 720, "1080p": 1080, "4k": 2160 }[source.resolution ?? ""] ?? 720;
  const ratio = ratioOf(source.aspectRatio);
  const long = Math.round(short * (ratio >= 1 ? ratio : 1 / ratio));
  return ratio >= 1 ? { width: long, height: short } : { width: short, height: long };
}
