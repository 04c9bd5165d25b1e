import "server-only";
import { desc, gt, notInArray, or } from "drizzle-orm";
import { MAX_CHANGES_WAIT_SECONDS, type TaskChanges, TERMINAL_STATES } from "@/lib/shared/task";
import { getDb, schema } from "../db";
import type { ChangeHub } from "../db/change-hub";
import type { TaskRow } from "../db/schema";
import { AppError } from "../http/errors";
import { presentRows } from "./queries";

const { tasks, taskTombstones } = schema;

/** One answer holds at most this many tasks (and as many deletions); more means the page should reload its lists. */
export const CHANGES_LIMIT = 200;
/**
 * How long a deleted task's tombstone is kept (the trigger of migration 0009 prunes older ones): a
 * cursor older than this can't be told what went away, so its answer says reload (`truncated`).
 */
export const TOMBSTONE_KEEP_MS = 24 * 60 * 60 * 1000;
/**
 * The next cursor reaches back this far before the read, so a write that committed just after the read
 * started (with an earlier `updated_at`) is still seen next time. Merging is idempotent, so overlap is free.
 */
const OVERLAP_MS = 3_000;
/** Without a working LISTEN, a waiting request re-reads this often (the old polling interval). */
const FALLBACK_READ_MS = 2_000;

function parseCursor(since: string): Date {
  const at = new Date(since);
  if (Number.isNaN(at.getTime())) {
    throw new AppError("validation_failed", "since: not a cursor from this API", {
      fields: { since: "invalid" },
    });
  }
  return at;
}

/**
 * What moved since `since`, plus every task still running (usually a handful), in one indexed read:
 * `updated_at` for the first, the partial "due" index for the second. Without `since`, only the
 * running ones, which is what a page that just loaded its list needs to know.
 */
export async function listChanges(since: string | undefined): Promise<TaskChanges> {
  return presentRead(await readChanges(since));
}

interface Read {
  rows: TaskRow[];
  deletedIds: string[];
  /** The next cursor. */
  cursor: string;
  truncated: boolean;
  /** When the newest of `deletedIds` was deleted (ms), or 0 without any. */
  lastDeletedAt: number;
}

/**
 * The rows of `listChanges`, not yet presented (the long poll presents only what it answers with). The
 * deletions are read after the tasks, so a task deleted between the two reads comes in both, and the
 * client removes it (deletions apply last).
 */
async function readChanges(since: string | undefined): Promise<Read> {
  const db = await getDb();
  const readAt = Date.now();
  const cursor = since === undefined ? null : parseCursor(since);
  const running = notInArray(tasks.state, [...TERMINAL_STATES]);
  const rows = await db
    .select()
    .from(tasks)
    .where(cursor ? or(gt(tasks.updatedAt, cursor), running) : running)
    .orderBy(desc(tasks.updatedAt))
    .limit(CHANGES_LIMIT + 1);
  const deleted = cursor
    ? await db
        .select()
        .from(taskTombstones)
        .where(gt(taskTombstones.deletedAt, cursor))
        .orderBy(desc(taskTombstones.deletedAt))
        .limit(CHANGES_LIMIT + 1)
    : [];
  // Older than the tombstones reach: what went away since can't be told, so the lists reload.
  const forgotten = cursor !== null && cursor.getTime() < readAt - TOMBSTONE_KEEP_MS;
  return {
    rows: rows.slice(0, CHANGES_LIMIT),
    deletedIds: deleted.slice(0, CHANGES_LIMIT).map((row) => row.taskId),
    cursor: new Date(readAt - OVERLAP_MS).toISOString(),
    truncated: rows.length > CHANGES_LIMIT || deleted.length > CHANGES_LIMIT || forgotten,
    lastDeletedAt: deleted[0]?.deletedAt.getTime() ?? 0,
  };
}

async function presentRead(read: Read): Promise<TaskChanges> {
  return {
    tasks: await presentRows(read.rows),
    deletedIds: read.deletedIds,
    cursor: read.cursor,
    truncated: read.truncated,
  };
}

/**
 * What the read holds that the read behind `since` had not seen: `urgent` (a clip finished, failed or
 * was deleted since, heard from the trigger or read from the rows; more than one answer holds), `calm`
 * (only progress and the like), or nothing.
 */
function newsIn(read: Read, since: Date, hub: ChangeHub): "urgent" | "calm" | null {
  const seenAt = since.getTime() + OVERLAP_MS;
  const after = (at: Date | null) => at !== null && at.getTime() > seenAt;
  if (read.truncated || hub.lastUrgentAt > seenAt || read.lastDeletedAt > seenAt) return "urgent";
  if (read.rows.some((row) => after(row.completedAt))) return "urgent";
  if (hub.lastChangeAt > seenAt || read.rows.some((row) => after(row.updatedAt))) return "calm";
  return null;
}

/**
 * The long poll: `listChanges`, but it holds the answer until something worth it moved (the database's
 * NOTIFY, see db/listen.ts and db/change-hub.ts): a clip that finished or failed answers at once, other
 * changes (progress, estimates, a stored copy) once the request has been open a few seconds, all of
 * that window in one answer. Also ends when `waitSeconds` pass or the caller goes away. The answer has
 * the same shape and the same running tasks as an immediate one. Without `since` (a page that just
 * loaded) or with `waitSeconds` 0 it answers at once, as before. `closing` while the server shuts
 * down: the caller should be told to come back, not answered at once (it would ask again at once).
 */
export async function waitForChanges(
  since: string | undefined,
  waitSeconds: number,
  signal: AbortSignal,
  hubOf: () => Promise<ChangeHub>,
): Promise<TaskChanges | "closing"> {
  if (since === undefined || waitSeconds <= 0) return listChanges(since);
  const cursor = parseCursor(since);
  const hub = await hubOf();
  // Subscribed before the first read, so a change committed between the two still wakes us.
  const subscription = hub.subscribe();
  if (hub.closed) return "closing";
  try {
    const deadline = Date.now() + Math.min(waitSeconds, MAX_CHANGES_WAIT_SECONDS) * 1000;
    for (;;) {
      // Presented only when it is the answer: a read that finds nothing new costs one or two queries.
      const read = await readChanges(since);
      const left = deadline - Date.now();
      if (!subscription || signal.aborted || left <= 0) return presentRead(read);
      const news = newsIn(read, cursor, hub);
      // Without a LISTEN the hub knows nothing of urgency: any news is answered, as the old poll did.
      if (news === "urgent" || (news === "calm" && !hub.listening)) return presentRead(read);
      if (news === "calm") subscription.noteChange(false);
      const outcome = await subscription.next(
        hub.listening ? left : Math.min(left, FALLBACK_READ_MS),
        signal,
      );
      if (outcome === "closing") return "closing";
      if (outcome === "aborted") return presentRead(read);
      if (outcome === "change") return listChanges(since);
    }
  } finally {
    subscription?.close();
  }
}
