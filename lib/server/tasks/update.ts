import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { Database } from "../db/open";
import { type NewTaskRow, type TaskRow, tasks } from "../db/schema";

export type TaskPatch = Partial<Omit<NewTaskRow, "id" | "createdAt" | "updatedAt">>;

/**
 * The one way to change a task row. It always bumps `updated_at`, because the gallery's changes feed
 * (`listChanges`) and whatever wakes open tabs see a task move only through that column: a write that
 * skips it (the stalled flag, a stored copy) never reaches an open tab. `where` narrows the write
 * (a state guard, a lease owner); the updated row is answered, or null when nothing matched.
 */
/** Columns only the watcher reads: writing them alone changes nothing the API presents. */
export type Bookkeeping = Pick<
  TaskPatch,
  "nextPollAt" | "pollAttempts" | "pollErrors" | "leaseOwner" | "leaseExpiresAt"
>;

/** Writes book-keeping only, without `updated_at`, so leases and poll times do not wake open tabs. */
export async function updateBookkeeping(
  db: Pick<Database, "update">,
  id: string,
  patch: Bookkeeping,
  where?: SQL,
): Promise<boolean> {
  const rows = await db
    .update(tasks)
    .set(patch)
    .where(where ? and(eq(tasks.id, id), where) : eq(tasks.id, id))
    .returning({ id: tasks.id });
  return rows.length > 0;
}

export async function updateTask(
  db: Pick<Database, "update">,
  id: string,
  patch: TaskPatch,
  where?: SQL,
): Promise<TaskRow | null> {
  const [row] = await db
    .update(tasks)
    .set({ ...patch, updatedAt: new Date() })
    .where(where ? and(eq(tasks.id, id), where) : eq(tasks.id, id))
    .returning();
  return row ?? null;
}

/**
 * Bumps `updated_at` alone on every row `where` matches: what these clips' cards show changed in
 * another row (a parent deleted, an extension added), so open tabs must fetch them again.
 */
export async function touchTasks(db: Pick<Database, "update">, where: SQL): Promise<void> {
  await db.update(tasks).set({ updatedAt: new Date() }).where(where);
}
