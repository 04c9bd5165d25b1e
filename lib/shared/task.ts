import { z } from "zod";

/**
 * The task as the studio's API shows it: one schema shared by the route handlers (which build it) and
 * the browser (which parses it). It never carries secrets (hook secret, idempotency key, lease).
 */

export const TASK_STATES = ["submitting", "queued", "running", "completed", "failed"] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_STATES: readonly TaskState[] = ["completed", "failed"];

export function isTerminalState(state: TaskState): boolean {
  return TERMINAL_STATES.includes(state);
}

const MediaSchema = z.object({
  url: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});

/** A clip's live public link, for its creator: where it is, whether it shows the prompt, how often it was seen. */
export const ShareInfoSchema = z.object({
  token: z.string(),
  /** Absolute when PUBLIC_BASE_URL is set, else a path on the studio's own origin. */
  url: z.string(),
  showPrompt: z.boolean(),
  views: z.number().int(),
  createdAt: z.string(),
});
export type ShareInfo = z.infer<typeof ShareInfoSchema>;
/** A keyframe as the task used it; `uploadId` lets "Retry" send the same stored image again. */
const KeyframeRefSchema = z.object({ url: z.string(), uploadId: z.string().nullish() });

export const TaskSchema = z.object({
  id: z.string(),
  kind: z.enum(["generate", "extend"]),
  parentId: z.string().nullable(),
  /** The parent's prompt, for "Extended from …" without loading the parent. */
  parentPrompt: z.string().nullable(),
  /** How many direct extensions this clip has. */
  extensionCount: z.number().int().nonnegative(),
  provider: z.string(),
  upstreamId: z.string().nullable(),
  prompt: z.string(),
  expandPrompt: z.boolean(),
  loop: z.boolean(),
  aspectRatio: z.string().nullable(),
  model: z.string().nullable(),
  resolution: z.string().nullable(),
  duration: z.string().nullable(),
  startImage: KeyframeRefSchema.nullable(),
  endImage: KeyframeRefSchema.nullable(),
  state: z.enum(TASK_STATES),
  stalled: z.boolean(),
  upstreamState: z.string().nullable(),
  failureReason: z.string().nullable(),
  errorCode: z.string().nullable(),
  estimateWaitSeconds: z.number().nullable(),
  video: MediaSchema.extend({
    durationSeconds: z.number().nullable(),
    /** True once the studio serves its own copy; the provider's links expire. */
    stored: z.boolean(),
    /** Hex SHA-256 of the stored copy, for callers that check what they downloaded. */
    sha256: z.string().nullable().optional(),
  }).nullable(),
  thumbnail: z.object({ url: z.string() }).nullable(),
  lastFrame: z.object({ url: z.string() }).nullable(),
  /** Null when not shared; optional so older answers and test fixtures stay valid. */
  share: ShareInfoSchema.nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
});

export type Task = z.infer<typeof TaskSchema>;

export const TaskPageSchema = z.object({
  tasks: z.array(TaskSchema),
  nextCursor: z.string().nullable(),
});
export type TaskPage = z.infer<typeof TaskPageSchema>;

/**
 * `GET /api/generations/changes`: every task updated since the cursor plus every task still running, in
 * one read, so an open page learns what moved without re-reading its whole list.
 */
export const TaskChangesSchema = z.object({
  tasks: z.array(TaskSchema),
  /** Pass back as `since` next time. */
  cursor: z.string(),
  /** More changed than one answer holds: reload the lists instead of merging. */
  truncated: z.boolean(),
});
export type TaskChanges = z.infer<typeof TaskChangesSchema>;
