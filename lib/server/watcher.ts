import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { isLumaError, type UpstreamSnapshot } from "@/lib/luma";
import { getDb, schema } from "./db";
import type { TaskRow } from "./db/schema";
import { log } from "./log";
import { applyUpstreamUpdate } from "./tasks/apply";
import { randomToken } from "./tasks/ids";
import { nextPollDelayMs, POLL } from "./tasks/schedule";
import { provider } from "./upstream";

/**
 * Server-side task watcher: the only code that asks the upstream about running tasks. Due tasks are
 * leased through the database (so several instances never poll the same task in one interval), asked
 * about in one batch, and every answer goes through applyUpstreamUpdate(). A failed poll never fails a
 * task; it only delays the next one.
 */

export const WATCH = {
  tickMs: 1_000,
  batchSize: 50,
  leaseMs: 30_000,
  stallAfterMs: 15 * 60_000,
  /** A task still `submitting` this long after creation lost its submit (the process died mid-call). */
  lostSubmitMs: 5 * 60_000,
} as const;

const { tasks } = schema;
const ACTIVE = ["queued", "running"] as const;

const instanceId = `w_${randomToken(6)}`;

async function leaseDueTasks(now: Date): Promise<TaskRow[]> {
  const db = await getDb();
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
      .limit(WATCH.batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(tasks)
      .set({ leaseOwner: instanceId, leaseExpiresAt: new Date(now.getTime() + WATCH.leaseMs) })
      .where(
        inArray(
          tasks.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

async function release(row: TaskRow, patch: Partial<typeof tasks.$inferInsert>): Promise<void> {
  const db = await getDb();
  await db
    .update(tasks)
    .set({ ...patch, leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(tasks.id, row.id), eq(tasks.leaseOwner, instanceId)));
}

function errorDelayMs(errors: number, retryAfterMs?: number): number {
  const backoff = Math.min(POLL.maxMs, POLL.minMs * 2 ** Math.min(errors, 10));
  return Math.max(backoff, retryAfterMs ?? 0);
}

async function afterAnswer(row: TaskRow, snapshot: UpstreamSnapshot, now: Date): Promise<void> {
  const result = await applyUpstreamUpdate(row.id, snapshot, "poll");
  const task = result?.task ?? row;
  const sinceProgress = now.getTime() - (task.lastProgressAt ?? task.createdAt).getTime();
  const stalled = sinceProgress > WATCH.stallAfterMs;
  const delay = stalled
    ? POLL.maxMs
    : nextPollDelayMs(now.getTime() - task.createdAt.getTime(), snapshot.estimateWaitSeconds);
  const terminal = task.state === "completed" || task.state === "failed";
  await release(task, {
    pollAttempts: row.pollAttempts + 1,
    pollErrors: 0,
    stalled: terminal ? false : stalled,
    nextPollAt: terminal ? null : new Date(now.getTime() + delay),
  });
}

async function afterError(rows: TaskRow[], error: unknown, now: Date): Promise<void> {
  const retryAfterMs = isLumaError(error) ? error.retryAfterMs : undefined;
  log.warn("poll failed", {
    tasks: rows.length,
    kind: isLumaError(error) ? error.kind : "unexpected",
    message: error instanceof Error ? error.message : String(error),
  });
  for (const row of rows) {
    await release(row, {
      pollErrors: row.pollErrors + 1,
      nextPollAt: new Date(now.getTime() + errorDelayMs(row.pollErrors + 1, retryAfterMs)),
    });
  }
}

/** Marks tasks whose submit was cut off (no upstream id long after creation) as failed, with the reason. */
async function failLostSubmits(now: Date): Promise<void> {
  const db = await getDb();
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
        lt(tasks.createdAt, new Date(now.getTime() - WATCH.lostSubmitMs)),
      ),
    );
}

/** One pass: lease what is due, ask the upstream once, apply every answer. */
export async function pollOnce(now = new Date()): Promise<number> {
  await failLostSubmits(now);
  const rows = await leaseDueTasks(now);
  const withIds = rows.filter((row) => row.upstreamId);
  if (withIds.length === 0) return 0;
  try {
    const answers = await provider().getMany(
      withIds.map((row) => row.upstreamId!),
      { signal: AbortSignal.timeout(WATCH.leaseMs - 5_000) },
    );
    const byId = new Map(answers.map((answer) => [answer.upstreamId, answer]));
    const missing: TaskRow[] = [];
    for (const row of withIds) {
      const answer = byId.get(row.upstreamId!);
      if (answer) await afterAnswer(row, answer, now);
      else missing.push(row);
    }
    if (missing.length) await afterError(missing, new Error("the upstream did not return these tasks"), now);
  } catch (error) {
    await afterError(withIds, error, now);
  }
  return withIds.length;
}

/** Polls one task right now (the card's "Check now"), through the same apply path. */
export async function checkNow(taskId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(tasks)
    .set({ nextPollAt: new Date(), leaseExpiresAt: null, leaseOwner: null })
    .where(and(eq(tasks.id, taskId), inArray(tasks.state, [...ACTIVE])));
  await pollOnce();
}

const holder = globalThis as typeof globalThis & { __lumaWatcher?: { stop: () => void } };

export function startWatcher(): void {
  if (holder.__lumaWatcher) return;
  let running = false;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = true;
    pollOnce()
      .catch((error: unknown) => log.error("watcher pass failed", { error }))
      .finally(() => {
        running = false;
      });
  }, WATCH.tickMs);
  timer.unref();
  holder.__lumaWatcher = {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
  log.info("watcher started", { instance: instanceId });
}
