import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { isLumaError, type LumaProvider, type UpstreamSnapshot } from "@/lib/luma";
import type { Database } from "../db/open";
import { type TaskRow, tasks } from "../db/schema";
import { applyUpstreamUpdate } from "../tasks/apply";
import { nextPollDelayMs, POLL } from "../tasks/schedule";
import { type Bookkeeping, updateBookkeeping, updateTask } from "../tasks/update";
import { errorDelayMs } from "./backoff";

/**
 * The task watcher's logic, free of globals so tests (and several instances in one process) can run it
 * against any database and upstream. Due tasks are leased through the database, asked about in one batch,
 * and every answer goes through applyUpstreamUpdate(). A failed poll never fails a task; it only delays
 * the next one, and only for the tasks it failed for: one task whose answer is broken backs off alone.
 */

export const WATCH = {
  /** The longest sleep between passes. */
  tickMs: 1_000,
  /** The shortest, so a task due now (or one whose poll keeps failing at once) never spins the loop. */
  minGapMs: 50,
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
  /** Spreads retry times (tests pin it). */
  random?: () => number;
  onFinished?: (task: TaskRow) => void;
  onPollError?: (info: { tasks: number; kind: string; message: string }) => void;
}

export interface Watcher {
  pollOnce(now?: Date): Promise<number>;
  /** When the soonest running task is due for its next poll (null with none running). */
  nextDueAt(): Promise<Date | null>;
  /** Asks about this one task now, unless another poll holds it; answers whether it asked. */
  checkNow(taskId: string): Promise<boolean>;
}

export function createWatcher(deps: WatcherDeps): Watcher {
  const { db, upstream, instanceId } = deps;
  const settings = { ...WATCH, ...deps.settings };
  const random = deps.random ?? Math.random;
  const leaseFree = (now: Date) => or(isNull(tasks.leaseExpiresAt), lt(tasks.leaseExpiresAt, now));

  async function leaseDue(now: Date): Promise<TaskRow[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(inArray(tasks.state, [...ACTIVE]), lte(tasks.nextPollAt, now), leaseFree(now)))
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

  /** Gives the lease back; the stalled flag is shown on the card, so changing it bumps updated_at. */
  async function release(row: TaskRow, patch: Bookkeeping, stalled: boolean): Promise<void> {
    const free = { ...patch, leaseOwner: null, leaseExpiresAt: null };
    const mine = eq(tasks.leaseOwner, instanceId);
    if (stalled !== row.stalled) await updateTask(db, row.id, { ...free, stalled }, mine);
    else await updateBookkeeping(db, row.id, free, mine);
  }

  const isStalled = (row: TaskRow, now: Date) =>
    now.getTime() - (row.lastProgressAt ?? row.createdAt).getTime() > settings.stallAfterMs;

  async function afterAnswer(row: TaskRow, snapshot: UpstreamSnapshot, now: Date): Promise<void> {
    const result = await applyUpstreamUpdate(row.id, snapshot, "poll", db);
    const task = result?.task ?? row;
    const terminal = task.state === "completed" || task.state === "failed";
    const stalled = !terminal && isStalled(task, now);
    const age = now.getTime() - task.createdAt.getTime();
    const delay = stalled ? POLL.maxMs : nextPollDelayMs(age, snapshot.estimateWaitSeconds, random);
    await release(
      task,
      {
        pollAttempts: row.pollAttempts + 1,
        pollErrors: 0,
        nextPollAt: terminal ? null : new Date(now.getTime() + delay),
      },
      stalled,
    );
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
      const delay = errorDelayMs(row.pollErrors + 1, retryAfterMs, random);
      await release(
        row,
        {
          pollAttempts: row.pollAttempts + 1,
          pollErrors: row.pollErrors + 1,
          nextPollAt: new Date(now.getTime() + delay),
        },
        isStalled(row, now),
      );
    }
  }

  async function failLostSubmits(now: Date): Promise<void> {
    const lost = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(
        and(
          eq(tasks.state, "submitting"),
          isNull(tasks.upstreamId),
          lt(tasks.createdAt, new Date(now.getTime() - settings.lostSubmitMs)),
        ),
      );
    for (const { id } of lost) {
      await updateTask(
        db,
        id,
        {
          state: "failed",
          errorCode: "submit_interrupted",
          failureReason:
            "The studio stopped before the upstream confirmed this request. Check the upstream before retrying.",
          completedAt: now,
        },
        and(eq(tasks.state, "submitting"), isNull(tasks.upstreamId)),
      );
    }
  }

  /**
   * Applies each task's own answer or failure; tasks sharing one failure back off in one report. The next
   * poll is counted from when the answer came back, not from the start of the pass: a slow batch (a relay
   * asked task by task) would otherwise shorten the gap the upstream sees between two polls of one task.
   */
  async function settle(
    rows: TaskRow[],
    ask: (ids: string[]) => ReturnType<LumaProvider["getEach"]>,
    passStartedAt: Date,
  ) {
    const started = performance.now();
    const now = () => new Date(passStartedAt.getTime() + Math.round(performance.now() - started));
    const failures = new Map<unknown, TaskRow[]>();
    const fail = (row: TaskRow, error: unknown) => failures.set(error, [...(failures.get(error) ?? []), row]);
    try {
      const { found, failed } = await ask(rows.map((row) => row.upstreamId!));
      const notReturned = new Error("the upstream did not return these tasks");
      for (const row of rows) {
        const answer = found.get(row.upstreamId!);
        if (answer) await afterAnswer(row, answer, now());
        else fail(row, failed.has(row.upstreamId!) ? failed.get(row.upstreamId!) : notReturned);
      }
    } catch (error) {
      for (const row of rows) fail(row, error);
    }
    // A failure backs off from the pass's start: its delay is seconds long, and a hung request must not
    // push the schedule by its own timeout.
    for (const [error, failedRows] of failures) await afterError(failedRows, error, passStartedAt);
  }

  async function pollOnce(now = new Date()): Promise<number> {
    await failLostSubmits(now);
    const rows = (await leaseDue(now)).filter((row) => row.upstreamId);
    if (rows.length === 0) return 0;
    const signal = AbortSignal.timeout(settings.leaseMs - 5_000);
    await settle(rows, (ids) => upstream.getEach(ids, { signal }), now);
    return rows.length;
  }

  async function checkNow(taskId: string): Promise<boolean> {
    const now = new Date();
    // One statement takes the lease, so two instances (or a pass and a click) cannot both hold it.
    const [row] = await db
      .update(tasks)
      .set({ leaseOwner: instanceId, leaseExpiresAt: new Date(now.getTime() + settings.leaseMs) })
      .where(
        and(
          eq(tasks.id, taskId),
          inArray(tasks.state, [...ACTIVE]),
          isNotNull(tasks.upstreamId),
          leaseFree(now),
        ),
      )
      .returning();
    if (!row) return false;
    const signal = AbortSignal.timeout(settings.leaseMs - 5_000);
    await settle([row], (ids) => upstream.getEach(ids, { signal }), now);
    return true;
  }

  async function nextDueAt(): Promise<Date | null> {
    // A task leased elsewhere is not due before its lease ends.
    const dueAt = sql<Date>`greatest(${tasks.nextPollAt}, coalesce(${tasks.leaseExpiresAt}, ${tasks.nextPollAt}))`;
    const [row] = await db
      .select({ at: dueAt.mapWith(tasks.nextPollAt) })
      .from(tasks)
      .where(and(inArray(tasks.state, [...ACTIVE]), isNotNull(tasks.nextPollAt)))
      .orderBy(asc(dueAt))
      .limit(1);
    return row?.at ?? null;
  }

  return { pollOnce, nextDueAt, checkNow };
}
