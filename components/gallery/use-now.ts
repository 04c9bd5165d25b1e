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
