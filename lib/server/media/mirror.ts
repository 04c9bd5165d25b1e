import "server-only";
import { and, eq, isNull, notExists } from "drizzle-orm";
import type { LumaProvider } from "@/lib/luma";
import type { Database } from "../db/open";
import { type JobRow, jobs, type TaskRow, tasks } from "../db/schema";
import { JOB_KIND } from "../jobs/kinds";
import { claimDue, claimJob, completeJob, enqueueJob, failJob, retryDelayMs } from "../jobs/runner";
import type { MediaStorage } from "../storage/types";
import { type TaskPatch, updateTask } from "../tasks/update";
import { clipKeyBase } from "./keys";
import { missingPiece, missingPieces, type Piece } from "./pieces";
import type { MediaFormat } from "./sniff";
import { fetchUpstreamMedia, MediaFetchError } from "./upstream-fetch";

/**
 * Copies each finished clip's video (the watermark-free one when the provider offers it), thumbnail and
 * last frame into our storage, because provider links expire within hours. Free of globals so tests can
 * run it against any database, storage and upstream.
 *
 * Each clip to copy is a `mirror` job (lib/server/jobs): a few run at once, each download within its
 * own time limit, so a link that never ends holds one slot, not the queue. A failed copy is retried
 * with a capped delay for as long as the provider's link may still work (`keepTryingMs` after the clip
 * finished), unless the link answers that it is gone (403/404/410, twice) or can never be copied (not
 * http, over the size limit); then the job is given up and says why. The job's lease makes each copy
 * run once across instances; a crash only delays it until the lease expires.
 */

/**
 * A finished clip's copy starts this long after the finish (its job is due then, and the on-demand copy
 * waits as long), so the live feed's answer that shows the clip (which reads the same database, on
 * PGlite the same single connection) goes first: the card plays the provider's link at once and
 * switches to the stored copy when it is in.
 */
export const COPY_AFTER_FINISH_MS = 750;

export const MIRROR = {
  tickMs: 2_000,
  /** Copies running at once per instance. */
  concurrency: 3,
  baseDelayMs: 10_000,
  maxDelayMs: 15 * 60_000,
  /** Provider links last hours to about a day; after this, no retry can succeed. */
  keepTryingMs: 36 * 60 * 60_000,
  /** How often completed clips without a job (from before jobs existed) are looked for. */
  sweepEveryMs: 10 * 60_000,
  /** Longer than one job's downloads can take (the video's and both images' time limits). */
  claimMs: 10 * 60_000,
  videoMaxBytes: 2 * 1024 ** 3,
  imageMaxBytes: 25 * 1024 ** 2,
  videoTimeoutMs: 5 * 60_000,
  imageTimeoutMs: 60_000,
  downloadUrlTimeoutMs: 30_000,
} as const;

/** Statuses by which a link says it is gone for good, not that it is busy. */
const GONE = new Set([403, 404, 410]);

export interface MirrorDeps {
  db: Database;
  storage: MediaStorage;
  upstream: Pick<LumaProvider, "downloadUrl">;
  /** Tasks made with another provider (the configuration changed) are copied from their stored links. */
  providerName: string;
  settings?: Partial<Record<keyof typeof MIRROR, number>>;
  /** URL prefixes a media link may point at on a private address: the configured upstream's origin. */
  trusted?: readonly string[];
  /** Headers for one media link: the built-in simulator's bearer for its own links, else none. */
  authFor?: (url: string) => Record<string, string>;
  random?: () => number;
  onError?: (info: { taskId: string; piece: string; message: string; attempts: number }) => void;
}

export interface Mirror {
  /** Copies every clip that is due; answers how many were tried. */
  mirrorDue(now?: Date): Promise<number>;
  /** Copies this clip now, due or not (or joins the copy already running); answers its row afterwards. */
  mirrorTask(taskId: string): Promise<TaskRow | null>;
}

interface PieceFailure {
  piece: Piece;
  error: unknown;
}

const LABEL: Record<Piece, string> = { video: "video", thumbnail: "thumbnail", lastFrame: "last frame" };

export function createMirror(deps: MirrorDeps): Mirror {
  const { db, storage } = deps;
  const settings = { ...MIRROR, ...deps.settings };
  const random = deps.random ?? Math.random;
  const running = new Map<string, Promise<TaskRow | null>>();
  const lease = { owner: `m_${Math.floor(random() * 2 ** 48).toString(36)}`, leaseMs: settings.claimMs };
  const jobKey = (taskId: string) => ({ kind: JOB_KIND.mirror, subject: taskId });
  let active = 0;
  let lastSweep = Number.NEGATIVE_INFINITY;

  async function videoSource(row: TaskRow): Promise<string | null> {
    if (row.upstreamId && row.provider === deps.providerName) {
      try {
        const clean = await deps.upstream.downloadUrl(row.upstreamId, {
          signal: AbortSignal.timeout(settings.downloadUrlTimeoutMs),
        });
        if (clean) return clean;
      } catch {
        // The stored link below is the fallback; the relay may not offer a download endpoint at all.
      }
    }
    return row.videoUrl;
  }

  async function copy(taskId: string, piece: Piece, url: string | null) {
    if (!url) throw new Error("no upstream link");
    const video = piece === "video";
    const accept: MediaFormat[] = video ? ["mp4"] : ["jpg", "png", "webp"];
    const media = await fetchUpstreamMedia(url, {
      accept,
      maxBytes: video ? settings.videoMaxBytes : settings.imageMaxBytes,
      timeoutMs: video ? settings.videoTimeoutMs : settings.imageTimeoutMs,
      trusted: deps.trusted,
      headersFor: deps.authFor,
    });
    const key = `${clipKeyBase(taskId, piece)}.${media.format}`;
    const stored = await storage.put(key, media.body, {
      maxBytes: video ? settings.videoMaxBytes : settings.imageMaxBytes,
    });
    return { key, sha256: stored.sha256 ?? null };
  }

  /** Over when every failure is one no retry can fix, or the provider's links have surely expired. */
  function givesUp(job: JobRow, row: TaskRow, failures: PieceFailure[], now: number): boolean {
    const finishedAt = (row.completedAt ?? row.createdAt).getTime();
    if (now - finishedAt > settings.keepTryingMs) return true;
    return failures.every(({ error }) => {
      if (!(error instanceof MediaFetchError)) return false;
      if (!error.retryable) return true;
      // Gone twice: a link can 404 for a moment right after the clip finishes.
      return error.status !== undefined && GONE.has(error.status) && job.attempts >= 1;
    });
  }

  async function copyMissing(job: JobRow, row: TaskRow): Promise<TaskRow | null> {
    const patch: TaskPatch = {};
    const failures: PieceFailure[] = [];
    for (const piece of missingPieces(row)) {
      try {
        if (piece === "video") {
          const stored = await copy(row.id, piece, await videoSource(row));
          patch.videoKey = stored.key;
          patch.videoSha256 = stored.sha256;
        } else if (piece === "thumbnail") {
          patch.thumbnailKey = (await copy(row.id, piece, row.thumbnailUrl)).key;
        } else {
          patch.lastFrameKey = (await copy(row.id, piece, row.lastFrameUrl)).key;
        }
      } catch (error) {
        failures.push({ piece, error });
        deps.onError?.({
          taskId: row.id,
          piece,
          message: error instanceof Error ? error.message : String(error),
          attempts: job.attempts + 1,
        });
      }
    }
    const stored = Object.keys(patch).length > 0;
    const updated = stored ? await updateTask(db, row.id, patch) : row;
    if (!updated) {
      // Deleted while we copied: the delete could not know these keys, so they are removed here.
      for (const key of [patch.videoKey, patch.thumbnailKey, patch.lastFrameKey]) {
        if (key) await storage.delete(key).catch(() => {});
      }
      await completeJob(db, job);
      return null;
    }
    if (failures.length === 0) {
      await completeJob(db, job);
      return updated;
    }
    const now = Date.now();
    const reason = failures
      .map(({ piece, error }) => `${LABEL[piece]}: ${error instanceof Error ? error.message : String(error)}`)
      .join("; ");
    const final = givesUp(job, updated, failures, now);
    const runAt = final
      ? null
      : new Date(now + retryDelayMs(job.attempts + 1, settings.baseDelayMs, settings.maxDelayMs, random));
    await failJob(db, job, reason, runAt);
    // The card shows whether a copy is retrying or given up, and why: it must hear when that changes.
    const shownChanged = job.attempts === 0 || job.lastError !== reason || final !== (job.runAt === null);
    if (shownChanged && !stored) return updateTask(db, row.id, {});
    return updated;
  }

  async function run(job: JobRow): Promise<TaskRow | null> {
    const [row] = await db.select().from(tasks).where(eq(tasks.id, job.subject));
    if (!row || missingPieces(row).length === 0) {
      await completeJob(db, job);
      return row ?? null;
    }
    return copyMissing(job, row);
  }

  function once(taskId: string, work: () => Promise<TaskRow | null>): Promise<TaskRow | null> {
    const current = running.get(taskId);
    if (current) return current;
    const promise = work().finally(() => running.delete(taskId));
    running.set(taskId, promise);
    return promise;
  }

  /**
   * Gives a job to completed clips that have none (finished before jobs existed), and drops the jobs
   * of deleted clips (a job given up is never claimed again, so nothing else would).
   */
  async function sweep(now: Date): Promise<void> {
    const clip = db.select({ id: tasks.id }).from(tasks).where(eq(tasks.id, jobs.subject));
    await db.delete(jobs).where(and(eq(jobs.kind, JOB_KIND.mirror), notExists(clip)));
    const orphans = await db
      .select({ id: tasks.id })
      .from(tasks)
      .leftJoin(jobs, and(eq(jobs.kind, JOB_KIND.mirror), eq(jobs.subject, tasks.id)))
      .where(and(missingPiece, isNull(jobs.id)))
      .limit(500);
    for (const { id } of orphans) await enqueueJob(db, jobKey(id), now);
  }

  async function mirrorDue(now = new Date()): Promise<number> {
    if (Date.now() - lastSweep >= settings.sweepEveryMs) {
      lastSweep = Date.now();
      await sweep(now);
    }
    // Slots are taken before the claim, so passes that overlap never run more than `concurrency`.
    const free = Math.max(0, settings.concurrency - active);
    active += free;
    let claimed: JobRow[] = [];
    try {
      claimed = await claimDue(db, JOB_KIND.mirror, lease, free, now);
    } finally {
      active -= free - claimed.length;
    }
    await Promise.all(
      claimed.map(async (job) => {
        try {
          // An on-demand copy that found this claim and only read the row may still be running here:
          // once it is done, this pass (holding the claim) copies, so a claimed job is never dropped.
          await running.get(job.subject)?.catch(() => null);
          await once(job.subject, () => run(job));
        } finally {
          active -= 1;
        }
      }),
    );
    return claimed.length;
  }

  function mirrorTask(taskId: string): Promise<TaskRow | null> {
    return once(taskId, async () => {
      const [row] = await db.select().from(tasks).where(eq(tasks.id, taskId));
      if (!row || missingPieces(row).length === 0) return row ?? null;
      await enqueueJob(db, jobKey(taskId));
      const job = await claimJob(db, jobKey(taskId), lease);
      // Another instance (or this one's pass) is copying it: answer the row as it is.
      return job ? run(job) : row;
    });
  }

  return { mirrorDue, mirrorTask };
}
