import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { Database } from "../db/open";
import { type JobRow, jobs } from "../db/schema";

/**
 * A tiny job queue on the studio's own database: background work (copying a finished clip, later a
 * film export) keeps its book-keeping in `jobs` rows instead of borrowing a task's columns. Claims take
 * a lease under `FOR UPDATE SKIP LOCKED`, so across instances each job runs once at a time; a crashed
 * runner's lease expires and another takes the job. Done jobs are deleted; a job given up keeps its
 * row (`run_at` null) with the reason, so whatever shows the work can say why it stopped.
 *
 * Not pg-boss or graphile-worker: both need node-postgres connections (graphile-worker also a LISTEN
 * connection and its own schema migrations, pg-boss its own schema with maintenance timers), and the
 * embedded PGlite offers neither; this runs through Drizzle on both databases.
 */

export interface JobKey {
  kind: string;
  subject: string;
}

export interface Lease {
  owner: string;
  leaseMs: number;
}

const leaseFree = (now: Date) => or(isNull(jobs.leaseExpiresAt), lt(jobs.leaseExpiresAt, now));

/** Adds a job due at `runAt`; a job already there for the same kind and subject is left as it is. */
export async function enqueueJob(
  db: Pick<Database, "insert">,
  key: JobKey,
  runAt = new Date(),
): Promise<void> {
  await db
    .insert(jobs)
    .values({ id: `job_${randomBytes(9).toString("base64url")}`, ...key, runAt })
    .onConflictDoNothing({ target: [jobs.kind, jobs.subject] });
}

/** Leases up to `limit` due jobs of a kind, oldest due first. */
export async function claimDue(
  db: Database,
  kind: string,
  lease: Lease,
  limit: number,
  now = new Date(),
): Promise<JobRow[]> {
  if (limit <= 0) return [];
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, kind), lte(jobs.runAt, now), leaseFree(now)))
      .orderBy(asc(jobs.runAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    const claimed: JobRow[] = [];
    for (const { id } of due) {
      const [row] = await tx
        .update(jobs)
        .set({ leaseOwner: lease.owner, leaseExpiresAt: new Date(now.getTime() + lease.leaseMs) })
        .where(eq(jobs.id, id))
        .returning();
      if (row) claimed.push(row);
    }
    return claimed;
  });
}

/**
 * Leases this one job now, due or not, even one given up (someone asked for it: a download). Null when
 * there is no such job or another runner holds it. One statement, so two claims cannot both win.
 */
export async function claimJob(db: Database, key: JobKey, lease: Lease, now = new Date()) {
  const [row] = await db
    .update(jobs)
    .set({ leaseOwner: lease.owner, leaseExpiresAt: new Date(now.getTime() + lease.leaseMs) })
    .where(and(eq(jobs.kind, key.kind), eq(jobs.subject, key.subject), leaseFree(now)))
    .returning();
  return row ?? null;
}

const mine = (job: JobRow) => and(eq(jobs.id, job.id), eq(jobs.leaseOwner, job.leaseOwner ?? ""));

/** The job is done: its row goes. */
export async function completeJob(db: Database, job: JobRow): Promise<void> {
  await db.delete(jobs).where(mine(job));
}

/** Tries again at `runAt`, or never (null: given up), keeping why it failed. */
export async function failJob(
  db: Database,
  job: JobRow,
  error: string,
  runAt: Date | null,
): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({
      attempts: job.attempts + 1,
      lastError: error,
      runAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: new Date(),
    })
    .where(mine(job))
    .returning();
  return row ?? null;
}

/** Exponential back-off from `baseMs`, capped at `maxMs`, spread ±20% so failures do not return in step. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const base = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 20));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The current jobs of a kind for these subjects (for showing their state). */
export async function jobsFor(db: Database, kind: string, subjects: readonly string[]) {
  if (subjects.length === 0) return new Map<string, JobRow>();
  const rows = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), inArray(jobs.subject, [...subjects])));
  return new Map(rows.map((row) => [row.subject, row]));
}
