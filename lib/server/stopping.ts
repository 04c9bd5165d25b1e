import "server-only";

/**
 * Whether this server process has been asked to stop (SIGTERM or SIGINT). Watched from start-up
 * (instrumentation.ts), not from the first use of whatever needs to know: a long poll that begins on a
 * kept-alive connection after the signal must still learn of it, or `next start` waits for it forever
 * (it finishes open requests before it exits, and the tab asks again on the same connection).
 */

type Listener = () => void;
const state = globalThis as typeof globalThis & {
  __lumaStopping?: { stopping: boolean; watched: boolean; listeners: Set<Listener> };
};

function current() {
  state.__lumaStopping ??= { stopping: false, watched: false, listeners: new Set() };
  return state.__lumaStopping;
}

export function watchForStop(): void {
  const stop = current();
  if (stop.watched) return;
  stop.watched = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      stop.stopping = true;
      for (const listener of stop.listeners) listener();
    });
  }
}

export const isStopping = (): boolean => current().stopping;

/** Calls `listener` when the stop is asked for, or at once if it already has been. */
export function onStop(listener: Listener): void {
  const stop = current();
  if (stop.stopping) listener();
  else stop.listeners.add(listener);
}
