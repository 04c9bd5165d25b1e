import "server-only";
import { getDb } from "../db";
import { log } from "../log";
import { onTaskFinished } from "../media/mirroring";
import { randomToken } from "../tasks/ids";
import { provider } from "../upstream";
import { createWatcher, WATCH, type Watcher } from "./core";

/** The studio's one watcher per process: started at boot, ticking in the background. */

const holder = globalThis as typeof globalThis & {
  __lumaWatcher?: Promise<Watcher>;
  __lumaWatcherTimer?: NodeJS.Timeout;
};

function watcher(): Promise<Watcher> {
  holder.__lumaWatcher ??= getDb().then((db) =>
    createWatcher({
      db,
      upstream: provider(),
      instanceId: `w_${randomToken(6)}`,
      onPollError: (info) => log.warn("poll failed", info),
      onFinished: onTaskFinished,
    }),
  );
  return holder.__lumaWatcher;
}

/** "Check now": asks about this one task, unless another poll holds it; answers whether it asked. */
export async function checkNow(taskId: string): Promise<boolean> {
  return (await watcher()).checkNow(taskId);
}

/**
 * Passes run back to back as tasks fall due: after each one the watcher sleeps until the soonest running
 * task is due (so a finished clip is asked about when its poll is due, not up to a tick later), and
 * never longer than `WATCH.tickMs` (new tasks, other instances' writes).
 */
export function startWatcher(): void {
  if (holder.__lumaWatcherTimer) return;
  const pass = async (): Promise<number> => {
    const instance = await watcher();
    const polled = await instance.pollOnce();
    // A full batch: more are due at once.
    if (polled >= WATCH.batchSize) return 0;
    const due = await instance.nextDueAt();
    return due ? due.getTime() - Date.now() : WATCH.tickMs;
  };
  const schedule = (delayMs: number) => {
    const timer = setTimeout(
      () => {
        pass()
          .catch((error: unknown) => {
            log.error("watcher pass failed", { error });
            return WATCH.tickMs;
          })
          .then(schedule);
      },
      Math.min(WATCH.tickMs, Math.max(WATCH.minGapMs, delayMs)),
    );
    timer.unref();
    holder.__lumaWatcherTimer = timer;
  };
  schedule(WATCH.tickMs);
  log.info("watcher started");
}
