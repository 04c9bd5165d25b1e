import "server-only";
/**
 * When to ask the upstream next about a running task: quickly at first, slower as it ages, guided by the
 * upstream's own estimate, with jitter so many tasks submitted together do not poll in lockstep.
 */

export const POLL = {
  firstMs: 2_000,
  minMs: 1_500,
  maxMs: 60_000,
  jitter: 0.2,
} as const;

function jittered(ms: number, random: () => number): number {
  return Math.round(ms * (1 - POLL.jitter + 2 * POLL.jitter * random()));
}

export function firstPollAt(
  estimateWaitSeconds: number | null,
  now = Date.now(),
  random = Math.random,
): Date {
  const hint =
    estimateWaitSeconds && estimateWaitSeconds > 0 ? Math.min(estimateWaitSeconds * 1000 * 0.5, 30_000) : 0;
  return new Date(now + jittered(Math.max(POLL.firstMs, hint), random));
}

/** Interval grows with the task's age: about a tenth of its age, within [minMs, maxMs]. */
export function nextPollDelayMs(
  ageMs: number,
  estimateWaitSeconds: number | null,
  random = Math.random,
): number {
  let base = Math.min(POLL.maxMs, Math.max(POLL.minMs, ageMs / 10));
  if (estimateWaitSeconds && estimateWaitSeconds > 0)
    base = Math.max(base, Math.min(estimateWaitSeconds * 500, POLL.maxMs));
  return jittered(base, random);
}
