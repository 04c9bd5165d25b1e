/**
 * A safety cap on the live feed's requests, not its pace: the studio itself spaces its answers (a
 * finished clip at once, progress at most every ~3 s, see lib/server/db/change-hub.ts), so a tab
 * normally sends about 20 requests a minute plus one per finished clip and never meets this bucket.
 * It only holds a tab back from a studio that answers at once every time (an older version, a fault):
 * `capacity` at once, then one per `refillMs` (20 + 60 = 80 in the first minute, 60 a minute after).
 */
export interface Pacer {
  /** Milliseconds until a request may start; 0 when one may start now. */
  delay(): number;
  /** Spends one request. */
  take(): void;
}

export const PACE = { capacity: 20, refillMs: 1_000 } as const;

export function createPacer(
  { capacity, refillMs }: { capacity: number; refillMs: number } = PACE,
  now: () => number = Date.now,
): Pacer {
  let tokens = capacity;
  let at = now();
  const refill = () => {
    const time = now();
    tokens = Math.min(capacity, tokens + (time - at) / refillMs);
    at = time;
  };
  return {
    delay() {
      refill();
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) * refillMs);
    },
    take() {
      refill();
      tokens -= 1;
    },
  };
}

/** Waits until the pacer allows a request, then spends it; an abort rejects with the signal's reason. */
export async function paced(pacer: Pacer, signal: AbortSignal): Promise<void> {
  for (let wait = pacer.delay(); wait > 0; wait = pacer.delay()) {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(done, wait);
      function done() {
        signal.removeEventListener("abort", aborted);
        resolve();
      }
      function aborted() {
        clearTimeout(timer);
        reject(signal.reason);
      }
      signal.addEventListener("abort", aborted, { once: true });
    });
  }
  pacer.take();
}
