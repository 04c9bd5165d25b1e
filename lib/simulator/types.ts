import { z } from "zod";

/** Shared vocabulary of the simulator: accepted values, task records and the render plan. */

export const RELAY_ASPECT_RATIOS = ["1:1", "4:3", "3:4", "16:9", "9:16"] as const;
export const OFFICIAL_ASPECT_RATIOS = [...RELAY_ASPECT_RATIOS, "21:9", "9:21"] as const;
export const RELAY_MODELS = ["ray-v1", "ray-v2", "ray-v3"] as const;
export const OFFICIAL_MODELS = ["ray-2", "ray-flash-2", "ray-1-6"] as const;
export const RELAY_RESOLUTIONS = ["720p", "1080p"] as const;
export const OFFICIAL_RESOLUTIONS = ["540p", "720p", "1080p", "4k"] as const;
export const DURATIONS = ["5s", "9s"] as const;
export const PHOTON_MODELS = ["photon-1", "photon-flash-1"] as const;
export const IMAGE_FORMATS = ["jpg", "png"] as const;
export const MODIFY_MODES = [
  "adhere_1",
  "adhere_2",
  "adhere_3",
  "flex_1",
  "flex_2",
  "flex_3",
  "reimagine_1",
  "reimagine_2",
  "reimagine_3",
] as const;
/** Camera-motion concept keys `GET /generations/concepts/list` offers and `concepts: [{key}]` accepts. */
export const CAMERA_CONCEPTS = [
  "pan_left",
  "pan_right",
  "tilt_up",
  "tilt_down",
  "dolly_zoom",
  "orbit_left",
  "orbit_right",
  "push_in",
  "pull_out",
  "crane_up",
  "crane_down",
  "handheld",
  "static",
] as const;

/** Texts real providers put in `failure_reason`. */
export const FAILURE_REASONS = [
  "Failed to read user input frames",
  "Frame moderation failed",
  "Advanced prompt moderation failed",
  "Prompt processing failed",
] as const;
export const BLACKLISTED_REASON = "Contains blacklisted words";

export const TASK_STATES = ["pending", "processing", "completed", "failed"] as const;
export type TaskState = (typeof TASK_STATES)[number];
export type ApiFlavor = "relay" | "official";

/** Where a segment's first or last frame comes from: an uploaded image or another task's frame. */
const frameRefSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("image"), file: z.string() }),
  z.object({ kind: z.literal("task"), taskId: z.string(), frame: z.enum(["first", "last"]) }),
]);
export type FrameRef = z.infer<typeof frameRefSchema>;

/** A canvas rectangle in output pixels. */
const rectSchema = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
export type Rect = z.infer<typeof rectSchema>;

/**
 * How a derived generation is made from its source. `source` is a file in the task's own media folder
 * (copied or downloaded at create time, so deleting the source generation later cannot break it).
 */
export const editSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("upscale"), source: z.string() }),
  /** A tone at `frequency` Hz with a little noise, as an AAC track. */
  z.object({ op: z.literal("add_audio"), source: z.string(), frequency: z.number() }),
  /** Hue turned by `hue` degrees and saturation times `saturation`; `firstFrame` fades out over the start. */
  z.object({
    op: z.literal("modify"),
    source: z.string(),
    hue: z.number(),
    saturation: z.number(),
    firstFrame: z.string().nullable(),
  }),
  /** The source placed at `rect` on the output canvas, the rest a blurred, stretched copy of it. */
  z.object({ op: z.literal("reframe"), source: z.string(), still: z.boolean(), rect: rectSchema }),
  /** A Photon still; `base` (modify_image_ref) replaces the prompt's scene, tinted by its weight. */
  z.object({ op: z.literal("image"), base: z.string().nullable(), weight: z.number() }),
]);
export type Edit = z.infer<typeof editSchema>;

/** What kind of still a task makes; null for videos. */
export function imageFormatOf(task: {
  edit: Edit | null;
  request: Record<string, unknown>;
}): "jpg" | "png" | null {
  if (task.edit?.op === "image" || (task.edit?.op === "reframe" && task.edit.still)) {
    return task.request.format === "png" ? "png" : "jpg";
  }
  return null;
}

/** A task as persisted in `<dataDir>/tasks/<id>.json`; parsed on load because the file may be stale. */
export const taskRecordSchema = z.object({
  id: z.string(),
  api: z.enum(["relay", "official"]),
  kind: z.enum([
    "generate",
    "extend",
    "reverse_extend",
    "interpolate",
    "upscale_video",
    "add_audio",
    "modify_video",
    "reframe_video",
    "reframe_image",
    "image",
  ]),
  state: z.enum(TASK_STATES),
  prompt: z.string(),
  /** Echo of the accepted request, with data URLs shortened. */
  request: z.record(z.string(), z.unknown()),
  model: z.string(),
  aspectRatio: z.string(),
  resolution: z.string(),
  durationSeconds: z.number(),
  loop: z.boolean(),
  width: z.number(),
  height: z.number(),
  start: frameRefSchema.nullable(),
  end: frameRefSchema.nullable(),
  /** Extend: the parent's video plays before the new segment; reverse extend: after it. */
  before: z.string().nullable(),
  after: z.string().nullable(),
  hookUrl: z.string().nullable(),
  /** Public base URL seen when the task was created; used for webhook bodies. */
  baseUrl: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  failureReason: z.string().nullable(),
  /** Set for generations derived from media (upscale, audio, modify, reframe) and for Photon images. */
  edit: editSchema.nullable().default(null),
  /** `palette` is base64 of a 5×5 RGB grid of the first frame, like Luma's `palette.grid`. */
  media: z.object({ duration: z.number(), palette: z.string() }).nullable(),
});
export type TaskRecord = z.infer<typeof taskRecordSchema>;
export type TaskKind = TaskRecord["kind"];

export interface Dimensions {
  width: number;
  height: number;
}

/** 720p means a 720-pixel short side; the long side follows the aspect ratio, rounded to even. */
export function dimensionsFor(aspectRatio: string, resolution: string, scale = 1): Dimensions {
  const short = { "540p": 540, "720p": 720, "1080p": 1080, "4k": 2160 }[resolution] ?? 720;
  const [a, b] = aspectRatio.split(":").map(Number);
  const ratio = a && b ? a / b : 16 / 9;
  const even = (n: number) => Math.max(16, 2 * Math.round((n * scale) / 2));
  const long = short * (ratio >= 1 ? ratio : 1 / ratio);
  return ratio >= 1 ? { width: even(long), height: even(short) } : { width: even(short), height: even(long) };
}

export function isTerminal(state: TaskState): boolean {
  return state === "completed" || state === "failed";
}

export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
