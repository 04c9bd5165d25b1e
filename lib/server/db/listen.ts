import "server-only";
import { log } from "../log";
import { onStop } from "../stopping";
import { type ChangeHub, createChangeHub } from "./change-hub";
import { openStudioDatabase } from "./index";

/**
 * The live feed's one LISTEN per server process: the `tasks_notify` trigger (migrations
 * 0004_tasks_notify.sql, 0006_tasks_notify_urgency.sql) sends `u:<id>` or `n:<id>` (urgent or not) on
 * `luma_tasks` whenever what the API shows of a task changes,
 * from any instance on the same database; this fans it out to the requests waiting in
 * `waitForChanges()`. Started on first use and kept on `globalThis` like the database itself.
 */

export const TASKS_CHANNEL = "luma_tasks";

const holder = globalThis as typeof globalThis & { __lumaTaskHub?: Promise<ChangeHub> };

async function start(): Promise<ChangeHub> {
  const hub = createChangeHub();
  // `next start` waits for open requests before it exits: answer the waiting ones now, so a restart
  // or deploy is not held up to 25 s (the tabs then retry and reconnect to the new process). A hub
  // first made after the signal starts closed.
  onStop(() => hub.close());
  let listens = 0;
  try {
    const database = await openStudioDatabase();
    await database.listen(
      TASKS_CHANNEL,
      (payload) => hub.notify(payload),
      () => {
        hub.setListening(true);
        // After a reconnect, whatever changed while the connection was down sent nothing we heard:
        // wake every waiter so it reads again.
        if (listens++ > 0) hub.notify("");
      },
    );
  } catch (error) {
    // Waiters then re-read on a short timer instead: slower, never stuck.
    log.warn("live feed: LISTEN failed, the gallery falls back to polling", { error });
  }
  return hub;
}

export function taskChangeHub(): Promise<ChangeHub> {
  holder.__lumaTaskHub ??= start();
  return holder.__lumaTaskHub;
}
