import { and, eq, inArray, isNotNull, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { LumaProvider } from "@/lib/luma";
import type { Database } from "../db/open";
import { type TaskRow, tasks } from "../db/schema";
import type { MediaStorage } from "../storage/types";
import { clipKeyBase } from "./keys";
import type { MediaFormat } from "./sniff";
import { fetchUpstreamMedia } from "./upstream-fetch";

/**
 * Copies each finished clip's video (the watermark-free one when the provider offers it), thumbnail and
 * last frame into our storage, because provider links expire within hours. Free of globals so tests can
 * run it against any database, storage and upstream.
 *
 * Book-keeping reuses task columns the watcher is done with once a task is terminal: `mirror_attempts`
 * counts failed copies, `next_poll_at` is the mirror's due time (retry backoff), and the lease
 * (`lease_owner`, `lease_expires_at`) marks a copy in progress. Every claim, due or forced, skips a row
 * under a live lease, so across instances each clip is copied once; a crash only delays it until the
 * lease expires, and a restart finds every completed task still missing a piece and copies it.
 */

export const MIRROR = {
  tickMs: 2_000,
  batchSize: 4,
  maxAttempts: 8,
  baseDelayMs: 10_000,
  maxDelayMs: 60 * 60_000,
  claimMs: 20 * 60_000,
  videoMaxBytes: 2 * 1024 ** 3,
  imageMaxBytes: 25 * 1024 ** 2,
  videoTimeoutMs: 10 * 60_000,
  imageTimeoutMs: 60_000,
  downloadUrlTimeoutMs: 30_000,
} as const;

export interface MirrorDeps {
  db: Database;
  storage: MediaStorage;
  upstream: Pick<LumaProvider, "downloadUrl">;
  /** Tasks made with another provider (the configuration changed) are copied from their stored links. */
  providerName: string;
  settings?: Partial<Record<keyof typeof MIRROR, number>>;
  fetch?: typeof globalThis.fetch;
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

type Piece = "video" | "thumbnail" | "lastFrame";
type TaskPatch = Partial<typeof tasks.$inferInsert>;

/** A completed task that still lacks a stored copy of something the upstream gave. */
export const missingPiece: SQL = and(
  eq(tasks.state, "completed"),
  or(
    isNull(tasks.videoKey),
    and(isNotNull(tasks.thumbnailUrl), isNull(tasks.thumbnailKey)),
    and(isNotNull(tasks.lastFrameUrl), isNull(tasks.lastFrameKey)),
  ),
)!;

function missing(row: TaskRow): Piece[] {
  const pieces: Piece[] = [];
  if (!row.videoKey) pieces.push("video");
  if (row.thumbnailUrl && !row.thumbnailKey) pieces.push("thumbnail");
  if (row.lastFrameUrl && !row.lastFrameKey) pieces.push("lastFrame");
  return pieces;
}

export function createMirror(deps: MirrorDeps): Mirror {
  const { db, storage } = deps;
  const settings = { ...MIRROR, ...deps.settings };
  const random = deps.random ?? Math.random;
  const running = new Map<string, Promise<TaskRow | null>>();
  const mirrorId = `m_${Math.floor(random() * 2 ** 48).toString(36)}`;

  function retryDelayMs(attempts: number): number {
    const base = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.min(attempts - 1, 16));
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  async function claim(where: SQL, now: Date, limit: number): Promise<TaskRow[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(where, or(isNull(tasks.leaseExpiresAt), lt(tasks.leaseExpiresAt, now))))
        .limit(limit)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      const ids = due.map((row) => row.id);
      return tx
        .update(tasks)
        .set({ leaseOwner: mirrorId, leaseExpiresAt: new Date(now.getTime() + settings.claimMs) })
        .where(inArray(tasks.id, ids))
        .returning();
    });
  }

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
      fetch: deps.fetch,
      headers: deps.authFor?.(url),
    });
    const key = `${clipKeyBase(taskId, piece)}.${media.format}`;
    const stored = await storage.put(key, media.body, {
      maxBytes: video ? settings.videoMaxBytes : settings.imageMaxBytes,
    });
    return { key, sha256: stored.sha256 ?? null };
  }

  async function copyMissing(row: TaskRow): Promise<TaskRow | null> {
    const patch: TaskPatch = { leaseOwner: null, leaseExpiresAt: null };
    let failed = false;
    for (const piece of missing(row)) {
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
        failed = true;
        deps.onError?.({
          taskId: row.id,
          piece,
          message: error instanceof Error ? error.message : String(error),
          attempts: row.mirrorAttempts + 1,
        });
      }
    }
    const now = Date.now();
    if (failed) {
      patch.mirrorAttempts = row.mirrorAttempts + 1;
      patch.nextPollAt = new Date(now + retryDelayMs(row.mirrorAttempts + 1));
    } else {
      patch.nextPollAt = null;
    }
    const [updated] = await db.update(tasks).set(patch).where(eq(tasks.id, row.id)).returning();
    if (!updated) {
      // Deleted while we copied: the delete could not know these keys, so they are removed here.
      for (const key of [patch.videoKey, patch.thumbnailKey, patch.lastFrameKey]) {
        if (key) await storage.delete(key).catch(() => {});
      }
    }
    return updated ?? null;
  }

  function once(taskId: string, work: () => Promise<TaskRow | null>): Promise<TaskRow | null> {
    const current = running.get(taskId);
    if (current) return current;
    const promise = work().finally(() => running.delete(taskId));
    running.set(taskId, promise);
    return promise;
  }

  async function mirrorDue(now = new Date()): Promise<number> {
    const due = and(
      missingPiece,
      lt(tasks.mirrorAttempts, settings.maxAttempts),
      or(isNull(tasks.nextPollAt), lte(tasks.nextPollAt, now)),
    )!;
    const rows = await claim(due, now, settings.batchSize);
    for (const row of rows) {
      // Still running here means an on-demand copy that found this pass's claim and only read the row:
      // once it is done, this pass (holding the claim) copies, so a claimed row is never left behind.
      await running.get(row.id)?.catch(() => null);
      await once(row.id, () => copyMissing(row));
    }
    return rows.length;
  }

  function mirrorTask(taskId: string): Promise<TaskRow | null> {
    return once(taskId, async () => {
      const [row] = await claim(and(eq(tasks.id, taskId), missingPiece)!, new Date(), 1);
      if (row) return copyMissing(row);
      const [current] = await db.select().from(tasks).where(eq(tasks.id, taskId));
      return current ?? null;
    });
  }

  return { mirrorDue, mirrorTask };
}
