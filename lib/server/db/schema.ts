import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * One Postgres-dialect schema for both the embedded PGlite database and a real Postgres.
 * Column meanings follow the internal task model in docs/architecture.md.
 */

const timestamps = {
  // Milliseconds, like a JS Date, so a gallery cursor made from a row's created_at names it exactly;
  // with microseconds, tasks made in the same millisecond as a page's last one were skipped.
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const uploads = pgTable("uploads", {
  id: text("id").primaryKey(),
  storageKey: text("storage_key").notNull(),
  contentType: text("content_type").notNull(),
  bytes: integer("bytes").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  sha256: text("sha256").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const tasks = pgTable(
  "tasks",
  {
    id: text("id").primaryKey(),
    provider: text("provider").notNull(),
    upstreamId: text("upstream_id"),
    kind: text("kind", {
      enum: ["generate", "extend", "reverse", "upscale", "audio", "modify", "reframe", "bridge", "image"],
    }).notNull(),
    parentId: text("parent_id"),

    // What the creator asked for.
    prompt: text("prompt").notNull(),
    expandPrompt: boolean("expand_prompt").notNull().default(false),
    loop: boolean("loop").notNull().default(false),
    aspectRatio: text("aspect_ratio"),
    model: text("model"),
    resolution: text("resolution"),
    duration: text("duration"),
    startUploadId: text("start_upload_id").references(() => uploads.id),
    endUploadId: text("end_upload_id").references(() => uploads.id),
    startImageUrl: text("start_image_url"),
    endImageUrl: text("end_image_url"),

    // Where it stands.
    state: text("state", { enum: ["submitting", "queued", "running", "completed", "failed"] }).notNull(),
    stalled: boolean("stalled").notNull().default(false),
    upstreamState: text("upstream_state"),
    failureReason: text("failure_reason"),
    errorCode: text("error_code"),
    estimateWaitSeconds: integer("estimate_wait_seconds"),
    upstreamCreatedAt: timestamp("upstream_created_at", { withTimezone: true }),

    // What came out: upstream URLs (expire) and our own stored copies (keys into media storage).
    videoUrl: text("video_url"),
    watermarkedVideoUrl: text("watermarked_video_url"),
    thumbnailUrl: text("thumbnail_url"),
    lastFrameUrl: text("last_frame_url"),
    videoKey: text("video_key"),
    videoSha256: text("video_sha256"),
    thumbnailKey: text("thumbnail_key"),
    lastFrameKey: text("last_frame_key"),
    width: integer("width"),
    height: integer("height"),
    durationSeconds: real("duration_seconds"),

    // Book-keeping for the watcher and for safe retries.
    ...timestamps,
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastProgressAt: timestamp("last_progress_at", { withTimezone: true }),
    nextPollAt: timestamp("next_poll_at", { withTimezone: true }),
    pollAttempts: integer("poll_attempts").notNull().default(0),
    pollErrors: integer("poll_errors").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
    hookSecret: text("hook_secret"),
    /** The creator's star; written through updateTask so open tabs see it move. */
    favourite: boolean("favourite").notNull().default(false),
    extra: jsonb("extra").$type<Record<string, unknown>>(),
  },
  (table) => [
    uniqueIndex("tasks_idempotency_key_idx").on(table.idempotencyKey),
    uniqueIndex("tasks_provider_upstream_id_idx").on(table.provider, table.upstreamId),
    index("tasks_created_at_idx").on(table.createdAt.desc(), table.id.desc()),
    index("tasks_due_idx").on(table.nextPollAt).where(sql`${table.state} not in ('completed', 'failed')`),
    index("tasks_parent_idx").on(table.parentId),
    // The gallery's changes feed reads tasks updated since a cursor.
    index("tasks_updated_at_idx").on(table.updatedAt),
  ],
);

/**
 * Deleted tasks, for the live feed: a row per task id, written by a trigger on `tasks` (custom
 * migration 0009), so every way a task goes away (Delete, Retry's replace) reaches other open tabs as
 * `deletedIds`. Kept for a day (the trigger prunes older rows); a cursor older than that reloads.
 */
export const taskTombstones = pgTable(
  "task_tombstones",
  {
    taskId: text("task_id").primaryKey(),
    deletedAt: timestamp("deleted_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [index("task_tombstones_deleted_at_idx").on(table.deletedAt)],
);

export const shareLinks = pgTable(
  "share_links",
  {
    token: text("token").primaryKey(),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    showPrompt: boolean("show_prompt").notNull().default(true),
    views: integer("views").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("share_links_task_idx").on(table.taskId)],
);

/**
 * Background work with its own book-keeping (lib/server/jobs): one row per piece of work, named by
 * `kind` and `subject` (a task id for "mirror"). `run_at` null means given up; `last_error` says why.
 * Done jobs are deleted.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    runAt: timestamp("run_at", { withTimezone: true, precision: 3 }),
    attempts: integer("attempts").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true, precision: 3 }),
    lastError: text("last_error"),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("jobs_kind_subject_idx").on(table.kind, table.subject),
    index("jobs_due_idx").on(table.kind, table.runAt).where(sql`${table.runAt} is not null`),
  ],
);

/**
 * Rate-limit events shared by every instance: one row per counted request, kept until it leaves its
 * window (security/counters.ts). Only counted requests are stored, so each key holds at most its limit.
 */
export const rateEvents = pgTable(
  "rate_events",
  {
    id: text("id").primaryKey(),
    key: text("key").notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
  },
  (table) => [
    index("rate_events_key_at_idx").on(table.key, table.at),
    index("rate_events_expires_idx").on(table.expiresAt),
  ],
);

/**
 * Boards: named collections of clips (lib/server/boards). Names are unique whatever their case, so
 * "Trailer" and "trailer" never sit side by side in a menu.
 */
export const boards = pgTable(
  "boards",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex("boards_name_lower_idx").on(sql`lower(${table.name})`)],
);

/** Which clips are on which boards; deleting a clip or a board removes its rows. */
export const boardClips = pgTable(
  "board_clips",
  {
    boardId: text("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    taskId: text("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.boardId, table.taskId] }),
    index("board_clips_task_idx").on(table.taskId),
  ],
);

/** Studio sessions: the cookie names one row; sign-out revokes it (security/session-store.ts). */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("sessions_expires_idx").on(table.expiresAt)],
);

export type TaskRow = typeof tasks.$inferSelect;
export type JobRow = typeof jobs.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type UploadRow = typeof uploads.$inferSelect;
export type BoardRow = typeof boards.$inferSelect;
export type ShareLinkRow = typeof shareLinks.$inferSelect;
