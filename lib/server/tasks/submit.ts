import "server-only";
import { eq } from "drizzle-orm";
import type { LumaProvider, UpstreamSnapshot } from "@/lib/luma";
import type { Task } from "@/lib/shared/task";
import { getDb, schema } from "../db";
import type { NewTaskRow, TaskRow } from "../db/schema";
import { log } from "../log";
import { onTaskFinished } from "../media/mirroring";
import { provider } from "../upstream";
import { applyUpstreamUpdate } from "./apply";
import { randomToken } from "./ids";
import { getTask } from "./queries";
import { firstPollAt } from "./schedule";
import { describeSubmitFailure, type SubmitFailure } from "./submit-errors";

/**
 * The submit path every new task takes (create, extend, continue): the row is written first (state
 * `submitting`), then the upstream is called once. A repeated idempotency key returns the task the
 * first request made, and the upstream is not called again.
 */

const SUBMIT_TIMEOUT_MS = 60_000;

export interface Created {
  task: Task;
  /** False when the idempotency key matched an earlier submit, which is answered instead. */
  created: boolean;
}

/** The caller's key, or a fresh one, so that every row has a unique key. */
export function keyOrFresh(idempotencyKey: string | null): string {
  return idempotencyKey ?? `server-${randomToken()}`;
}

/** The task an earlier submit with this key made, if any; lets callers skip work before inserting. */
export async function findByIdempotencyKey(idempotencyKey: string | null): Promise<TaskRow | null> {
  if (!idempotencyKey) return null;
  const db = await getDb();
  const [row] = await db.select().from(schema.tasks).where(eq(schema.tasks.idempotencyKey, idempotencyKey));
  return row ?? null;
}

export async function insertOrReuse(values: NewTaskRow): Promise<{ row: TaskRow; created: boolean }> {
  const db = await getDb();
  const [inserted] = await db
    .insert(schema.tasks)
    .values(values)
    .onConflictDoNothing({ target: schema.tasks.idempotencyKey })
    .returning();
  if (inserted) return { row: inserted, created: true };
  const existing = await findByIdempotencyKey(values.idempotencyKey ?? null);
  if (!existing) throw new Error("idempotency conflict without an existing task");
  return { row: existing, created: false };
}

export type DescribeFailure = (error: unknown, taskId: string) => SubmitFailure;

/** Sends the task upstream and records the answer, or the failure with the upstream's own reason. */
export async function submitUpstream(
  row: TaskRow,
  send: (upstream: LumaProvider, signal: AbortSignal) => Promise<UpstreamSnapshot>,
  explain: DescribeFailure = describeSubmitFailure,
): Promise<Task> {
  const db = await getDb();
  try {
    const snapshot = await send(provider(), AbortSignal.timeout(SUBMIT_TIMEOUT_MS));
    const applied = await applyUpstreamUpdate(row.id, snapshot, "submit");
    if (applied?.finished) onTaskFinished(applied.task);
    await db
      .update(schema.tasks)
      .set({ nextPollAt: firstPollAt(snapshot.estimateWaitSeconds) })
      .where(eq(schema.tasks.id, row.id));
    return getTask(row.id);
  } catch (error) {
    const failure = explain(error, row.id);
    log.warn("submit failed", { taskId: row.id, code: failure.code, reason: failure.reason });
    await db
      .update(schema.tasks)
      .set({
        state: "failed",
        failureReason: failure.reason,
        errorCode: failure.code,
        completedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(schema.tasks.id, row.id));
    throw failure.answer;
  }
}
