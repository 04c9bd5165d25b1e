import "server-only";
import { getDb } from "../db";
import type { TaskRow } from "../db/schema";
import { log } from "../log";
import { mediaStorage } from "../storage";
import { provider, providerName } from "../upstream";
import { mediaAuthFor, upstreamPrefixes } from "../upstream-link";
import { COPY_AFTER_FINISH_MS, createMirror, MIRROR, type Mirror } from "./mirror";

/** The studio's one mirror per process: a background pass every few seconds, plus copies on demand. */

const holder = globalThis as typeof globalThis & {
  __lumaMirror?: Promise<Mirror>;
  __lumaMirrorTimer?: NodeJS.Timeout;
};

function mirror(): Promise<Mirror> {
  holder.__lumaMirror ??= getDb().then((db) =>
    createMirror({
      db,
      storage: mediaStorage(),
      upstream: provider(),
      providerName: providerName(),
      authFor: mediaAuthFor,
      trusted: upstreamPrefixes(),
      onError: ({ message, ...info }) => log.warn("media copy failed", { ...info, reason: message }),
    }),
  );
  return holder.__lumaMirror;
}

/** Copies this clip now (or joins the copy under way); answers its row afterwards. */
export async function mirrorNow(taskId: string): Promise<TaskRow | null> {
  return (await mirror()).mirrorTask(taskId);
}

/** Starts copying in the background without waiting; failures are retried by the background pass. */
export function mirrorSoon(taskId: string): void {
  mirrorNow(taskId).catch((error: unknown) => log.warn("media copy failed", { taskId, error }));
}

/**
 * The one follow-up for a task that just finished, whichever path finished it (watcher, webhook,
 * submit). A failed task has nothing to copy.
 */
export function onTaskFinished(task: Pick<TaskRow, "id" | "state">): void {
  if (task.state !== "completed") return;
  setTimeout(() => mirrorSoon(task.id), COPY_AFTER_FINISH_MS).unref();
}

export function startMirroring(): void {
  if (holder.__lumaMirrorTimer) return;
  // Passes overlap on purpose: each fills the copy slots that are free (mirror.ts counts them), so a
  // slow download never holds back the clips behind it.
  const timer = setInterval(() => {
    mirror()
      .then((instance) => instance.mirrorDue())
      .catch((error: unknown) => log.error("media copy pass failed", { error }));
  }, MIRROR.tickMs);
  timer.unref();
  holder.__lumaMirrorTimer = timer;
}
