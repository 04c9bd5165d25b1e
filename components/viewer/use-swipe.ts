"use client";

import { type TouchEvent, useRef } from "react";

const MIN_SWIPE_PX = 60;

/** A horizontal swipe on the stage: left for the next clip, right for the previous one (phones). */
export function useSwipe(onPrevious: () => void, onNext: () => void) {
  const start = useRef<{ x: number; y: number } | null>(null);
  return {
    onTouchStart: (event: TouchEvent) => {
      const touch = event.touches[0];
      start.current = touch ? { x: touch.clientX, y: touch.clientY } : null;
    },
    onTouchEnd: (event: TouchEvent) => {
      const from = start.current;
      const touch = event.changedTouches[0];
      start.current = null;
      if (!from || !touch) return;
      const dx = touch.clientX - from.x;
      if (Math.abs(dx) < MIN_SWIPE_PX || Math.abs(dx) < Math.abs(touch.clientY - from.y) * 2) return;
      if (dx < 0) onNext();
      else onPrevious();
    },
  };
}
