import * as z from "zod/mini";
import { EditInfoSchema } from "./edit-input";
import { TASK_STATES } from "./task-state";

/**
 * The task as the studio's API shows it: one schema shared by the route handlers (which build it) and
 * the browser (which parses it). It never carries secrets (hook secret, idempotency key, lease).
 * Written with `zod/mini` because the browser ships it: classic zod costs tens of KB of JS. The browser
 * loads these schemas on demand (lib/client/schemas.ts), outside the first load; what the first load
 * needs of tasks without a schema (states, their rules) is in ./task-state.
 */

const int = () => z.number().check(z.int());

export * from "./task-state";

const MediaSchema = z.object({
  url: z.string(),
  width: z.nullable(int()),
  height: z.nullable(int()),
});

/** A clip's live public link, for its creator: where it is, whether it shows the prompt, how often it was seen. */
export const ShareInfoSchema = z.object({
  token: z.string(),
  /** Absolute when PUBLIC_BASE_URL is set, else a path on the studio's own origin. */
  url: z.string(),
  showPrompt: z.boolean(),
  views: int(),
  createdAt: z.string(),
});
export type ShareInfo = z.infer<typeof ShareInfoSchema>;
/**
 * The studio's own copy of a finished clip, while it is not complete: "saving" (first try to come),
 * "retrying" after a failed try, "failed" once given up. `reason` is the last failure, in the
 * upstream's or the network's words.
 */
export const TaskCopySchema = z.object({
  status: z.enum(["saving", "retrying", "failed"]),
  reason: z.nullable(z.string()),
});
export type TaskCopy = z.infer<typeof TaskCopySchema>;

export const TASK_KINDS = [
  "generate",
  "extend",
  "reverse",
  "upscale",
  "audio",
  "modify",
  "reframe",
  "bridge",
  /** A still made from text (Photon), to use as a keyframe: `image` instead of `video`. */
  "image",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A keyframe as the task used it; `uploadId` lets "Retry" send the same stored image again. */
const KeyframeRefSchema = z.object({ url: z.string(), uploadId: z.nullish(z.string()) });

export const TaskSchema = z.object({
  id: z.string(),
  /**
   * An extension (`reverse`: a segment leading into its parent), or a clip made from its parent by a tool
   * (upscale, audio, modify; `bridge`: from its parent's last frame to another clip's first); see `edit`.
   */
  kind: z.enum(TASK_KINDS),
  /** How a tool made this clip from its parent; optional so older answers and fixtures stay valid. */
  edit: z.optional(z.nullable(EditInfoSchema)),
  parentId: z.nullable(z.string()),
  /** The parent's prompt, for "Extended from …" without loading the parent. */
  parentPrompt: z.nullable(z.string()),
  /** How many direct extensions this clip has. */
  extensionCount: int().check(z.nonnegative()),
  provider: z.string(),
  upstreamId: z.nullable(z.string()),
  prompt: z.string(),
  expandPrompt: z.boolean(),
  loop: z.boolean(),
  aspectRatio: z.nullable(z.string()),
  model: z.nullable(z.string()),
  resolution: z.nullable(z.string()),
  duration: z.nullable(z.string()),
  startImage: z.nullable(KeyframeRefSchema),
  endImage: z.nullable(KeyframeRefSchema),
  state: z.enum(TASK_STATES),
  stalled: z.boolean(),
  upstreamState: z.nullable(z.string()),
  failureReason: z.nullable(z.string()),
  errorCode: z.nullable(z.string()),
  estimateWaitSeconds: z.nullable(z.number()),
  video: z.nullable(
    z.extend(MediaSchema, {
      durationSeconds: z.nullable(z.number()),
      /** True once the studio serves its own copy; the provider's links expire. */
      stored: z.boolean(),
      /** Hex SHA-256 of the stored copy, for callers that check what they downloaded. */
      sha256: z.optional(z.nullable(z.string())),
    }),
  ),
  /** Camera motions the clip asked for; absent when none. */
  concepts: z.optional(z.array(z.string())),
  /** An image task's picture once it is done; optional so older answers and fixtures stay valid. */
  image: z.optional(
    z.nullable(z.extend(MediaSchema, { stored: z.boolean(), format: z.nullable(z.string()) })),
  ),
  /** Null once everything is stored; optional so older answers and test fixtures stay valid. */
  copy: z.optional(z.nullable(TaskCopySchema)),
  thumbnail: z.nullable(z.object({ url: z.string() })),
  lastFrame: z.nullable(z.object({ url: z.string() })),
  /** Null when not shared; optional so older answers and test fixtures stay valid. */
  share: z.optional(z.nullable(ShareInfoSchema)),
  /** Starred by the creator; optional so older answers and test fixtures stay valid. */
  favourite: z.optional(z.boolean()),
  /** The boards this clip is on, oldest membership first; optional like `favourite`. */
  boardIds: z.optional(z.array(z.string())),
  /** Brought in from the provider's account (made elsewhere): how long it took is not known here. */
  imported: z.optional(z.boolean()),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.nullable(z.string()),
});

export type Task = z.infer<typeof TaskSchema>;

export const TaskPageSchema = z.object({
  tasks: z.array(TaskSchema),
  nextCursor: z.nullable(z.string()),
});
export type TaskPage = z.infer<typeof TaskPageSchema>;

/**
 * `GET /api/generations/changes`: every task updated since the cursor plus every task still running, in
 * one read, so an open page learns what moved without re-reading its whole list.
 */
export const TaskChangesSchema = z.object({
  tasks: z.array(TaskSchema),
  /**
   * Tasks deleted since the cursor (Delete, or a failed clip Retry replaced): take them out of every
   * list. Empty without a cursor.
   */
  deletedIds: z.array(z.string()),
  /** Pass back as `since` next time. */
  cursor: z.string(),
  /** More changed than one answer holds: reload the lists instead of merging. */
  truncated: z.boolean(),
});
export type TaskChanges = z.infer<typeof TaskChangesSchema>;
