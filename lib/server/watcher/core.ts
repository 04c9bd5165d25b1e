import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { isLumaError, type LumaProvider, type UpstreamSnapshot } from "@/lib/luma";
import type { Database } from "../db/open";
import { type TaskRow, tasks } from "../db/schema";
import { applyUpstreamUpdate } from "../tasks/apply";
import { nextPollDelayMs, POLL } from "../tasks/schedule";

/**
 * The task watcher's logic, free of globals so tests (and several instances in one process) can run it
 * against any database and upstream. Due tasks are leased through the database, asked about in one batch,
 * and every answer goes through applyUpstreamUpdate(). A failed poll never fails a task; it only delays
 * the next one.
 */

export const WATCH = {
  tickMs: 1_000,
  batchSize: 50,
  leaseMs: 30_000,
  stallAfterMs: 15 * 60_000,
  /** A task still `submitting` this long after creation lost its submit (the process died mid-call). */
  lostSubmitMs: 5 * 60_000,
} as const;

const ACTIVE = ["queued", "running"] as const;

export interface WatcherDeps {
  db: Database;
  upstream: LumaProvider;
  instanceId: string;
  settings?: Partial<Record<keyof typeof WATCH, number>>;
  onFinished?: (task: TaskRow) => void;
  onPollError?: (info: { tasks: number; kind: string; message: string }) => void;
}

export interface Watcher {
  pollOnce(now?: Date): Promise<number>;
  checkNow(taskId: string): Promise<void>;
}

function errorDelayMs(errors: number, retryAfterMs?: number): number {
  const backoff = Math.min(POLL.maxMs, POLL.minMs * 2 ** Math.min(errors, 10));
  return Math.max(backoff, retryAfterMs ?? 0);
}

export function createWatcher(deps: WatcherDeps): Watcher {
  const { db, upstream, instanceId } = deps;
  const settings = { ...WATCH, ...deps.settings };

  async function leaseDue(now: Date): Promise<TaskRow[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(
          and(
            inArray(tasks.state, [...ACTIVE]),
            lte(tasks.nextPollAt, now),
            or(isNull(tasks.leaseExpiresAt), lt(tasks.leaseExpiresAt, now)),
          ),
        )
        .orderBy(asc(tasks.nextPollAt))
        .limit(settings.batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(tasks)
        .set({ leaseOwner: instanceId, leaseExpiresAt: new Date(now.getTime() + settings.leaseMs) })
        .where(
          inArray(
            tasks.id,
            due.map((row) => row.id),
          ),
        )
        .returning();
    });
  }

  async function release(id: string, patch: Partial<typeof tasks.$inferInsert>): Promise<void> {
    await db
      .update(tasks)
      .set({ ...patch, leaseOwner: null, leaseExpiresAt: null })
      .where(and(eq(tasks.id, id), eq(tasks.leaseOwner, instanceId)));
  }

  async function afterAnswer(row: TaskRow, snapshot: UpstreamSnapshot, now: Date): Promise<void> {
    const result = await applyUpstreamUpdate(row.id, snapshot, "poll", db);
    const task = result?.task ?? row;
    const terminal = task.state === "completed" || task.state === "failed";
    const stalled =
      !terminal && now.getTime() - (task.lastProgressAt ?? task.createdAt).getTime() > settings.stallAfterMs;
    const age = now.getTime() - task.createdAt.getTime();
    const delay = stalled ? POLL.maxMs : nextPollDelayMs(age, snapshot.estimateWaitSeconds);
    await release(task.id, {
      pollAttempts: row.pollAttempts + 1,
      pollErrors: 0,
      stalled,
      nextPollAt: terminal ? null : new Date(now.getTime() + delay),
    });
    // After the release: the media copy claims the same lease columns, and must find them free.
    if (result?.finished) deps.onFinished?.(task);
  }

  async function afterError(rows: TaskRow[], error: unknown, now: Date): Promise<void> {
    const retryAfterMs = isLumaError(error) ? error.retryAfterMs : undefined;
    deps.onPollError?.({
      tasks: rows.length,
      kind: isLumaError(error) ? error.kind : "unexpected",
      message: error instanceof Error ? error.message : String(error),
    });
    for (const row of rows) {
      const stalled = now.getTime() - (row.lastProgressAt ?? row.createdAt).getTime() > settings.stallAfterMs;
      await release(row.id, {
        pollAttempts: row.pollAttempts + 1,
        pollErrors: row.pollErrors + 1,
        stalled,
        nextPollAt: new Date(now.getTime() + errorDelayMs(row.pollErrors + 1, retryAfterMs)),
      });
    }
  }

  async function failLostSubmits(now: Date): Promise<void> {
    await db
      .update(tasks)
      .set({
        state: "failed",
        errorCode: "submit_interrupted",
        failureReason:
          "The studio stopped before the upstream confirmed this request. Check the upstream before retrying.",
        completedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(tasks.state, "submitting"),
          isNull(tasks.upstreamId),
          lt(tasks.createdAt, new Date(now.getTime() - settings.lostSubmitMs)),
        ),
      );
  }

  async function pollOnce(now = new Date()): Promise<number> {
    await failLostSubmits(now);
    const rows = (await leaseDue(now)).filter((row) => row.upstreamId);
    if (rows.length === 0) return 0;
    try {
      const answers = await upstream.getMany(
        rows.map((row) => row.upstreamId!),
        { signal: AbortSignal.timeout(settings.leaseMs - 5_000) },
      );
      const byId = new Map(answers.map((answer) => [answer.upstreamId, answer]));
      const missing: TaskRow[] = [];
      for (const row of rows) {
        const answer = byId.get(row.upstreamId!);
        if (answer) await afterAnswer(row, answer, now);
        else missing.push(row);
      }
      if (missing.length)
        await afterError(missing, new Error("the upstream did not return these tasks"), now);
    } catch (error) {
      await afterError(rows, error, now);
    }
    return rows.length;
  }

  async function checkNow(taskId: string): Promise<void> {
    await db
      .update(tasks)
      .set({ nextPollAt: new Date(), leaseExpiresAt: null, leaseOwner: null })
      .where(and(eq(tasks.id, taskId), inArray(tasks.state, [...ACTIVE])));
    await pollOnce();
  }

  return { pollOnce, checkNow };
}
