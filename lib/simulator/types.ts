import { z } from "zod";

/** Shared vocabulary of the simulator: accepted values, task records and the render plan. */

export const RELAY_ASPECT_RATIOS = ["1:1", "4:3", "3:4", "16:9", "9:16"] as const;
export const OFFICIAL_ASPECT_RATIOS = [...RELAY_ASPECT_RATIOS, "21:9", "9:21"] as const;
export const RELAY_MODELS = ["ray-v1", "ray-v2", "ray-v3"] as const;
export const OFFICIAL_MODELS = ["ray-2", "ray-flash-2", "ray-1-6"] as const;
export const RELAY_RESOLUTIONS = ["720p", "1080p"] as const;
export const OFFICIAL_RESOLUTIONS = ["540p", "720p", "1080p", "4k"] as const;
export const DURATIONS = ["5s", "9s"] as const;

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

/** A task as persisted in `<dataDir>/tasks/<id>.json`; parsed on load because the file may be stale. */
export const taskRecordSchema = z.object({
  id: z.string(),
  api: z.enum(["relay", "official"]),
  kind: z.enum(["generate", "extend", "reverse_extend", "interpolate"]),
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
