import "server-only";
import { desc, gt, notInArray, or } from "drizzle-orm";
import { type TaskChanges, TERMINAL_STATES } from "@/lib/shared/task";
import { getDb, schema } from "../db";
import { AppError } from "../http/errors";
import { presentRows } from "./queries";

const { tasks } = schema;

/** One answer holds at most this many tasks; more means the page should reload its lists. */
export const CHANGES_LIMIT = 200;
/**
 * The next cursor reaches back this far before the read, so a write that committed just after the read
 * started (with an earlier `updated_at`) is still seen next time. Merging is idempotent, so overlap is free.
 */
const OVERLAP_MS = 3_000;

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
  const db = await getDb();
  const readAt = Date.now();
  const running = notInArray(tasks.state, [...TERMINAL_STATES]);
  const rows = await db
    .select()
    .from(tasks)
    .where(since ? or(gt(tasks.updatedAt, parseCursor(since)), running) : running)
    .orderBy(desc(tasks.updatedAt))
    .limit(CHANGES_LIMIT + 1);
  return {
    tasks: await presentRows(rows.slice(0, CHANGES_LIMIT)),
    cursor: new Date(readAt - OVERLAP_MS).toISOString(),
    truncated: rows.length > CHANGES_LIMIT,
  };
}
