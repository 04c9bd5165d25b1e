import type { Faults } from "./faults";
import type { MediaSigner } from "./media";
import { MEDIA_FILES } from "./render";
import { imageFormatOf, type TaskKind, type TaskRecord, type TaskState } from "./types";

/** Everything an answer depends on besides the task: where media is served, and the current faults. */
export interface WireContext {
  base: string;
  faults: Faults;
  now: number;
  signer: MediaSigner;
  estimateWaitSeconds: (task: TaskRecord) => number | null;
}

const ZERO_TIME = "0001-01-01T00:00:00Z";
const OFFICIAL_STATES: Record<TaskState, string> = {
  pending: "queued",
  processing: "dreaming",
  completed: "completed",
  failed: "failed",
};
const WRAPPER_STATES: Record<TaskState, string> = {
  pending: "NOT_START",
  processing: "IN_PROGRESS",
  completed: "SUCCESS",
  failed: "FAILURE",
};

/** "Completed before the URL appears": the state flips first, the media fields follow later. */
export function mediaVisible(task: TaskRecord, ctx: WireContext): boolean {
  if (task.state !== "completed" || !task.media || !task.completedAt) return false;
  return ctx.now >= Date.parse(task.completedAt) + ctx.faults.urlDelayMs;
}

/** Links in task answers expire a fixed time after completion; a download link, after it is issued. */
export function mediaLink(task: TaskRecord, file: string, ctx: WireContext, issuedAt?: number): string {
  const ttl = ctx.faults.mediaTtlMs;
  const from = issuedAt ?? Date.parse(task.completedAt ?? new Date(ctx.now).toISOString());
  return ctx.signer.url(ctx.base, task.id, file, ttl === null ? null : from + ttl);
}

function relayMedia(task: TaskRecord, ctx: WireContext) {
  const { width, height } = task;
  const link = (file: string) => mediaLink(task, file, ctx);
  const watermarked = link(MEDIA_FILES.watermarked);
  const video = { url: watermarked, width, height, download_url: watermarked };
  const videoRaw = {
    url: link(MEDIA_FILES.clean),
    width,
    height,
    duration: task.media?.duration ?? task.durationSeconds,
    media_type: "video",
  };
  const thumbnail = {
    url: link(MEDIA_FILES.thumbnail),
    width,
    height,
    palette: { grid: task.media?.palette ?? "" },
    media_type: "image",
  };
  const lastFrame = { url: link(MEDIA_FILES.lastFrame), width, height, palette: null, media_type: "image" };
  return { video, videoRaw, thumbnail, lastFrame };
}

/** The newer relay task object (see UPSTREAM.md §1). */
export function relayTask(task: TaskRecord, ctx: WireContext): Record<string, unknown> {
  const media = mediaVisible(task, ctx) ? relayMedia(task, ctx) : null;
  const state = ctx.faults.states === "official" ? OFFICIAL_STATES[task.state] : task.state;
  return {
    id: task.id,
    state,
    prompt: task.prompt,
    created_at: task.createdAt,
    queue_state: null,
    estimate_wait_seconds: ctx.estimateWaitSeconds(task),
    liked: null,
    failure_reason: task.failureReason,
    batch_id: "",
    video: media?.video ?? null,
    video_raw: media?.videoRaw ?? null,
    thumbnail: media?.thumbnail ?? null,
    last_frame: media?.lastFrame ?? null,
    request: task.request,
    artifact: media
      ? {
          video: media.video,
          thumbnail: media.thumbnail,
          video_raw: media.videoRaw,
          last_frame: media.lastFrame,
          created_at: ZERO_TIME,
        }
      : null,
  };
}

function unixSeconds(iso: string | null): number {
  return iso ? Math.floor(Date.parse(iso) / 1000) : 0;
}

/** One item of the batch wrapper: `{task_id, status, fail_reason, submit_time, finish_time, data}`. */
function wrapperItem(task: TaskRecord, ctx: WireContext): Record<string, unknown> {
  return {
    task_id: task.id,
    status: WRAPPER_STATES[task.state],
    fail_reason: task.failureReason ?? "",
    submit_time: unixSeconds(task.createdAt),
    start_time: unixSeconds(task.startedAt),
    finish_time: unixSeconds(task.completedAt),
    progress: task.state === "completed" ? "100%" : task.state === "processing" ? "50%" : "0%",
    data: relayTask(task, ctx),
  };
}

function wrap(data: unknown): Record<string, unknown> {
  return { code: "success", message: "", data };
}

/** A single-task answer in the configured shape. */
export function relaySingle(task: TaskRecord, ctx: WireContext): unknown {
  if (ctx.faults.states === "wrapper") return wrap(wrapperItem(task, ctx));
  const body = relayTask(task, ctx);
  if (ctx.faults.shape === "wrapped") return wrap(body);
  if (ctx.faults.shape === "array") return [body];
  return body;
}

/** The batch answer: a raw array, or the `{code, message, data: [...]}` wrapper. */
export function relayBatch(tasks: TaskRecord[], ctx: WireContext): unknown {
  if (ctx.faults.states === "wrapper") return wrap(tasks.map((task) => wrapperItem(task, ctx)));
  const items = tasks.map((task) => relayTask(task, ctx));
  return ctx.faults.shape === "wrapped" ? wrap(items) : items;
}

const GENERATION_TYPES: Record<TaskKind, string> = {
  generate: "video",
  extend: "video",
  reverse_extend: "video",
  interpolate: "video",
  upscale_video: "upscale_video",
  add_audio: "add_audio",
  modify_video: "modify_video",
  reframe_video: "reframe_video",
  reframe_image: "reframe_image",
  image: "image",
};

function officialAssets(task: TaskRecord, ctx: WireContext): Record<string, string | null> {
  const format = imageFormatOf(task);
  if (format) {
    const file = format === "png" ? MEDIA_FILES.imagePng : MEDIA_FILES.imageJpg;
    return { image: mediaLink(task, file, ctx) };
  }
  return {
    video: mediaLink(task, MEDIA_FILES.clean, ctx),
    image: mediaLink(task, MEDIA_FILES.thumbnail, ctx),
    progress_video: null,
  };
}

/** The official API's Generation object; `generation_type` names what kind of generation it is. */
export function officialGeneration(task: TaskRecord, ctx: WireContext): Record<string, unknown> {
  const visible = mediaVisible(task, ctx);
  return {
    id: task.id,
    generation_type: GENERATION_TYPES[task.kind],
    state: OFFICIAL_STATES[task.state],
    failure_reason: task.failureReason,
    created_at: task.createdAt,
    model: task.model,
    assets: visible ? officialAssets(task, ctx) : null,
    request: task.request,
  };
}
