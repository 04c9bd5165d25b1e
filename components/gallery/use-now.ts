"use client";

import { useEffect, useState } from "react";

/**
 * The current time, ticking every second while `live`. It is null until mounted, so the server's HTML
 * and the first client render agree (elapsed times differ between the two clocks).
 */
export function useNow(live: boolean, everyMs = 1_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!live) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [live, everyMs]);
  return now;
}

/** Under a minute old, "12 s ago" moves every second; after that every 30 s is enough. */
const FRESH_MS = 60_000;

/** The current time for a relative "… ago" of `since` (ms), null until mounted like `useNow`. */
export function useRelativeNow(since: number): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      timer = setTimeout(tick, current - since < FRESH_MS ? 1_000 : 30_000);
    };
    tick();
    return () => clearTimeout(timer);
  }, [since]);
  return now;
}
