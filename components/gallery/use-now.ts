"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * One clock per period for the whole page: every card that shows "12 s ago" or "0:42 elapsed" reads the
 * same tick, so 200 cards re-render in one batch a second instead of in 200 timer callbacks spread
 * across it (each its own render and commit, one of which a click is bound to land behind).
 */
interface Clock {
  readonly everyMs: number;
  now: number;
  readonly listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | undefined;
}

const clocks = new Map<number, Clock>();

function clockOf(everyMs: number): Clock {
  let clock = clocks.get(everyMs);
  if (!clock) {
    clock = { everyMs, now: Date.now(), listeners: new Set(), timer: undefined };
    clocks.set(everyMs, clock);
  }
  return clock;
}

function subscribe(clock: Clock, listener: () => void): () => void {
  clock.listeners.add(listener);
  if (clock.timer === undefined) {
    // A clock that stood still while nobody watched is read fresh; React re-renders if it moved.
    clock.now = Date.now();
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const notify of clock.listeners) notify();
    }, clock.everyMs);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0 && clock.timer !== undefined) {
      clearInterval(clock.timer);
      clock.timer = undefined;
    }
  };
}

const onServer = () => null;

/**
 * The current time, ticking every `everyMs` while `live` (a still clock otherwise: the last tick any
 * card saw, which is all a finished one needs). It is null on the server and while hydrating, so the
 * server's HTML and the first client render agree (elapsed times differ between the two clocks).
 */
export function useNow(live: boolean, everyMs = 1_000): number | null {
  const clock = clockOf(everyMs);
  const watch = useCallback(
    (listener: () => void) => (live ? subscribe(clock, listener) : () => {}),
    [clock, live],
  );
  return useSyncExternalStore(watch, () => clock.now, onServer);
}

/** Under a minute old, "12 s ago" moves every second; after that every 30 s is enough. */
const FRESH_MS = 60_000;
const SLOW_MS = 30_000;

/**
 * The time a relative "… ago" of `since` is written against: exact for its first minute, then held to
 * 30 s steps, so an older card's label only re-renders when its text could change.
 */
export function relativeNow(since: number, now: number): number {
  const age = now - since;
  return age < FRESH_MS ? now : since + Math.floor(age / SLOW_MS) * SLOW_MS;
}

/** The current time for a relative "… ago" of `since` (ms), null until hydrated like `useNow`. */
export function useRelativeNow(since: number): number | null {
  const fresh = Date.now() - since < FRESH_MS;
  const now = useNow(true, fresh ? 1_000 : SLOW_MS);
  if (now === null) return null;
  // The slow clock may have last ticked before this card turned a minute old: never read it younger.
  return relativeNow(since, fresh ? now : Math.max(now, since + FRESH_MS));
}
