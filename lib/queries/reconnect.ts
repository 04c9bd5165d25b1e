import { ApiError, NETWORK_STATUS } from "@/lib/client/api";

/**
 * How the live feed rides out a studio it cannot reach (a restart, a dropped network): it keeps
 * asking, 1 s after the first failure and doubling up to 4 s, so it catches up within a few seconds of
 * the studio answering again (the gallery promises 5 s) at no more than 15 requests a minute meanwhile.
 */
export const RECONNECT_FIRST_MS = 1_000;
export const RECONNECT_MAX_MS = 4_000;

/** A failure worth retrying: no answer at all, a studio (or proxy in front of it) failing, a timeout, a limit. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return (
    error.status === NETWORK_STATUS || error.status >= 500 || error.status === 408 || error.status === 429
  );
}

/** The wait before retry number `attempt` (0-based), with a little jitter so many tabs don't return in step. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** attempt);
  return Math.round(base * (0.8 + 0.2 * random()));
}
