import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { LumaProvider, UpstreamSnapshot } from "@/lib/luma";
import { type Task, TERMINAL_STATES } from "@/lib/shared/task";
import { forgetBalance } from "../balance";
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
import { updateTask } from "./update";

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

/**
 * Writes the new row, or finds the one an earlier submit with the same key made. `replaces` is a failed
 * clip whose place the new one takes (Retry): in the same transaction the new clip gets its star and
 * its boards and the failed one is removed, so no reader ever sees both, neither, or a clip that fell
 * off its boards. The failed row is locked first, so a star or a board tick landing meanwhile is kept.
 */
export async function insertOrReuse(
  values: NewTaskRow,
  replaces: string | null = null,
): Promise<{ row: TaskRow; created: boolean }> {
  const db = await getDb();
  const { tasks, boardClips } = schema;
  const inserted = await db.transaction(async (tx) => {
    const [failed] = replaces
      ? await tx
          .select({ favourite: tasks.favourite })
          .from(tasks)
          .where(and(eq(tasks.id, replaces), eq(tasks.state, "failed")))
          .for("update")
      : [];
    const [row] = await tx
      .insert(tasks)
      .values(failed ? { ...values, favourite: failed.favourite } : values)
      .onConflictDoNothing({ target: tasks.idempotencyKey })
      .returning();
    if (row && replaces && failed) {
      await tx.insert(boardClips).select(
        tx
          .select({
            boardId: boardClips.boardId,
            taskId: sql<string>`${row.id}`.as("task_id"),
            addedAt: boardClips.addedAt,
          })
          .from(boardClips)
          .where(eq(boardClips.taskId, replaces)),
      );
      await tx.delete(tasks).where(eq(tasks.id, replaces));
    }
    return row;
  });
  if (inserted) {
    // The parent's card counts its extensions: an open tab must hear that it has one more.
    if (inserted.parentId) await updateTask(db, inserted.parentId, {});
    return { row: inserted, created: true };
  }
  const existing = await findByIdempotencyKey(values.idempotencyKey ?? null);
  if (!existing) throw new Error("idempotency conflict without an existing task");
  return { row: existing, created: false };
}

export type DescribeFailure = (error: unknown, taskId: string) => SubmitFailure;

/**
 * Sends the task upstream and records the answer, or the failure with the upstream's own reason. Only
 * the send is guarded: once the upstream has answered, a failure of ours must not be recorded as the
 * upstream's. A failure is written only while the task is still `submitting`, because a lost answer
 * (timeout, 5xx) may hide a create the upstream accepted, whose webhook has already moved the task on.
 */
export async function submitUpstream(
  row: TaskRow,
  send: (upstream: LumaProvider, signal: AbortSignal) => Promise<UpstreamSnapshot>,
  explain: DescribeFailure = describeSubmitFailure,
): Promise<Task> {
  const db = await getDb();
  let snapshot: UpstreamSnapshot;
  try {
    snapshot = await send(provider(), AbortSignal.timeout(SUBMIT_TIMEOUT_MS));
  } catch (error) {
    const failure = explain(error, row.id);
    const failed = await updateTask(
      db,
      row.id,
      { state: "failed", failureReason: failure.reason, errorCode: failure.code, completedAt: new Date() },
      eq(schema.tasks.state, "submitting"),
    );
    log.warn("submit failed", {
      taskId: row.id,
      code: failure.code,
      reason: failure.reason,
      recorded: Boolean(failed),
    });
    // Not recorded: an upstream answer (a webhook) got there first, so the create did go through.
    if (!failed) {
      forgetBalance();
      return getTask(row.id);
    }
    throw failure.answer;
  }
  // The upstream took the task, so it has spent from the account: the header's next read asks again.
  forgetBalance();
  const applied = await applyUpstreamUpdate(row.id, snapshot, "submit");
  if (applied?.finished) onTaskFinished(applied.task);
  await db
    .update(schema.tasks)
    .set({ nextPollAt: firstPollAt(snapshot.estimateWaitSeconds) })
    .where(and(eq(schema.tasks.id, row.id), notInArray(schema.tasks.state, [...TERMINAL_STATES])));
  return getTask(row.id);
}
