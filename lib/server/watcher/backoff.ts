import "server-only";
import { POLL } from "../tasks/schedule";

/** Spread of a retry time, either way: tasks that failed together must not come back together. */
export const ERROR_JITTER = 0.2;

/**
 * How long a task waits after its poll failed `errors` times in a row: doubling from POLL.minMs up to
 * POLL.maxMs, jittered. An upstream's retry-after is a floor, spread upwards only.
 */
export function errorDelayMs(
  errors: number,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const backoff = Math.min(POLL.maxMs, POLL.minMs * 2 ** Math.min(errors, 10));
  const spread = 1 - ERROR_JITTER + 2 * ERROR_JITTER * random();
  const jittered = Math.round(backoff * spread);
  if (retryAfterMs === undefined || retryAfterMs <= jittered) return jittered;
  return Math.round(retryAfterMs * (1 + ERROR_JITTER * random()));
}
