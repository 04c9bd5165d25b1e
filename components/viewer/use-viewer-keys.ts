"use client";

import { useEffect, useRef } from "react";

interface Keys {
  previous: () => void;
  next: () => void;
  togglePlay: () => void;
}

/** Where a key already means something: typing, a menu, a control Space or arrows would press. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (key === " " && target.matches("input[type=range]")) return false;
  if (target.closest("input, textarea, select, [contenteditable=true], [role=menu], [role=menuitem]"))
    return true;
  // Space presses a focused button or link; the viewer's own play button and the picture are left to us.
  return key === " " && Boolean(target.closest("button, a[href], summary")) && !target.closest("[data-play]");
}

/**
 * ← / → move between clips, Space plays or pauses, anywhere in the viewer except where the key already
 * has a job. A dialog opened from the viewer (Extend, Delete) keeps every key to itself.
 */
export function useViewerKeys(keys: Keys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (document.querySelector("dialog[open]") || ownsKeys(event.target, event.key)) return;
      if (event.key === "ArrowLeft") latest.current.previous();
      else if (event.key === "ArrowRight") latest.current.next();
      else if (event.key === " ") latest.current.togglePlay();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
