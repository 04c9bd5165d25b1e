import "server-only";
/**
 * Fans one LISTEN channel out to the requests waiting on it, in memory: the database connection is
 * shared, a waiter is a timer and a callback. Pure (no database, no Next.js), so it is tested alone;
 * `listen.ts` connects it to the studio's database.
 *
 * Coalescing by urgency: the trigger marks a change urgent (`u:<id>`: a clip finished or failed, a row
 * went away) or not (`n:<id>`: progress, queued → running, estimates, a stored copy). A waiter is
 * answered ~at once on an urgent change; a non-urgent one is held until the request has been open
 * `SETTLE_MS`, gathering every change of that window into one answer. So a tab's request rate is bounded
 * by the server (about 60 s / SETTLE_MS plus one per urgent change) instead of by the client, and a
 * finished clip never waits behind progress ticks.
 */

/** A request that waits costs a socket and a timer; past this many the hub refuses and callers answer at once. */
export const MAX_WAITERS = 1_000;
/**
 * After an urgent wake-up, wait this long for the rest of a burst (a watcher tick writes its rows within
 * a few milliseconds); short, as it is part of every finished clip's way to the screen.
 */
export const COALESCE_MS = 10;
/** A non-urgent change is answered once the request has been open this long. */
export const SETTLE_MS = 3_000;

/** `closing`: the server is shutting down and wants its requests answered now. */
export type WaitOutcome = "change" | "timeout" | "aborted" | "closing";

export interface Subscription {
  /**
   * Resolves on the first change since `subscribe()` or the last `next()` (an urgent one after
   * `COALESCE_MS`, otherwise once the subscription is `SETTLE_MS` old), at the timeout, or on abort.
   */
  next(timeoutMs: number, signal: AbortSignal): Promise<WaitOutcome>;
  /** Records a change the caller learned of itself (its read found news the hub did not announce). */
  noteChange(urgent: boolean): void;
  close(): void;
}

export interface ChangeHub {
  /** True once the LISTEN is in place; until then waiters fall back to short timers. */
  readonly listening: boolean;
  /** This process's clock (ms) at the last notification; 0 before the first. */
  readonly lastChangeAt: number;
  /** This process's clock (ms) at the last urgent notification; 0 before the first. */
  readonly lastUrgentAt: number;
  readonly waiting: number;
  /** After `close()`: the server is stopping. */
  readonly closed: boolean;
  notify(payload: string): void;
  setListening(listening: boolean): void;
  /** Answers every waiter now and takes no more: the server is stopping and waits for open requests. */
  close(): void;
  /** Interest in changes from now on, or null when the hub is full. */
  subscribe(): Subscription | null;
}

/**
 * A payload is urgent unless it says otherwise: `n:<id>` is the only calm one. A bare id (0004's
 * trigger, still running on an instance not yet migrated) and `""` (a LISTEN that reconnected and may
 * have missed anything) wake at once.
 */
export function isUrgent(payload: string): boolean {
  return !payload.startsWith("n:");
}

interface Waiter {
  openedAt: number;
  /** null: nothing pending; otherwise whether the pending change is urgent. */
  pending: "calm" | "urgent" | null;
  /** Set while `next()` waits: (re)schedules its answer for the pending change. */
  wake: (() => void) | null;
  end: ((outcome: WaitOutcome) => void) | null;
}

export function createChangeHub(
  options: { maxWaiters?: number; settleMs?: number; now?: () => number } = {},
): ChangeHub {
  const maxWaiters = options.maxWaiters ?? MAX_WAITERS;
  const settleMs = options.settleMs ?? SETTLE_MS;
  const now = options.now ?? Date.now;
  const waiters = new Set<Waiter>();
  let listening = false;
  let lastChangeAt = 0;
  let lastUrgentAt = 0;
  let closed = false;

  function mark(waiter: Waiter, urgent: boolean) {
    if (waiter.pending === "urgent") return;
    if (waiter.pending === "calm" && !urgent) return;
    waiter.pending = urgent ? "urgent" : "calm";
    waiter.wake?.();
  }

  function subscription(waiter: Waiter): Subscription {
    return {
      next(timeoutMs, signal) {
        return new Promise<WaitOutcome>((resolve) => {
          // One timer per waiter: the deadline, replaced by the answer's time once a change is pending.
          let timer: ReturnType<typeof setTimeout> | undefined;
          const finish = (outcome: WaitOutcome) => {
            clearTimeout(timer);
            signal.removeEventListener("abort", onAbort);
            waiter.wake = null;
            waiter.end = null;
            if (outcome === "change") waiter.pending = null;
            resolve(outcome);
          };
          const onAbort = () => finish("aborted");
          if (signal.aborted) return finish("aborted");
          if (closed) return finish("closing");
          waiter.end = finish;
          signal.addEventListener("abort", onAbort, { once: true });
          const deadline = now() + Math.max(0, timeoutMs);
          const schedule = () => {
            clearTimeout(timer);
            const settled = waiter.openedAt + settleMs;
            const answerAt =
              waiter.pending === "urgent"
                ? now() + COALESCE_MS
                : waiter.pending === "calm"
                  ? Math.max(settled, now() + COALESCE_MS)
                  : Number.POSITIVE_INFINITY;
            if (answerAt <= deadline) timer = setTimeout(() => finish("change"), answerAt - now());
            else timer = setTimeout(() => finish("timeout"), deadline - now());
          };
          waiter.wake = schedule;
          schedule();
        });
      },
      noteChange(urgent) {
        mark(waiter, urgent);
      },
      close() {
        waiters.delete(waiter);
        waiter.wake = null;
        waiter.end = null;
      },
    };
  }

  return {
    get listening() {
      return listening;
    },
    get lastChangeAt() {
      return lastChangeAt;
    },
    get lastUrgentAt() {
      return lastUrgentAt;
    },
    get waiting() {
      return waiters.size;
    },
    get closed() {
      return closed;
    },
    notify(payload) {
      const urgent = isUrgent(payload);
      lastChangeAt = now();
      if (urgent) lastUrgentAt = lastChangeAt;
      for (const waiter of waiters) mark(waiter, urgent);
    },
    setListening(value) {
      listening = value;
    },
    close() {
      closed = true;
      for (const waiter of waiters) waiter.end?.("closing");
    },
    subscribe() {
      if (closed || waiters.size >= maxWaiters) return null;
      const waiter: Waiter = { openedAt: now(), pending: null, wake: null, end: null };
      waiters.add(waiter);
      return subscription(waiter);
    },
  };
}
