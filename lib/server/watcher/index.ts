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

export function startWatcher(): void {
  if (holder.__lumaWatcherTimer) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    watcher()
      .then((instance) => instance.pollOnce())
      .catch((error: unknown) => log.error("watcher pass failed", { error }))
      .finally(() => {
        running = false;
      });
  }, WATCH.tickMs);
  timer.unref();
  holder.__lumaWatcherTimer = timer;
  log.info("watcher started");
}
