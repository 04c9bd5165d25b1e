"use client";

import { useEffect, useState } from "react";
import { onAnnouncement } from "@/lib/client/toast";

/** How long an announcement stays in the region; it is spoken once, then the region is empty again. */
export const ANNOUNCED_FOR_MS = 7_000;
/**
 * The sentence goes in a moment after it is asked for: the region is emptied first, so the same words
 * twice in a row are spoken twice, and a dialog closing with the result (Extend, Delete) has given the
 * page back to assistive technology by then.
 */
const SETTLE_MS = 150;

/**
 * The studio's one polite live region for results (lib/client/toast.ts `notify`), in the layout. A
 * Radix modal (the viewer, a dialog) hides the page behind it from screen readers but leaves live
 * regions heard (aria-hidden skips them), so this one speaks over any dialog too.
 */
export function Announcer() {
  const [text, setText] = useState("");
  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    let clear: ReturnType<typeof setTimeout> | undefined;
    const off = onAnnouncement((sentence) => {
      clearTimeout(settle);
      clearTimeout(clear);
      setText("");
      settle = setTimeout(() => {
        setText(sentence);
        clear = setTimeout(() => setText(""), ANNOUNCED_FOR_MS);
      }, SETTLE_MS);
    });
    return () => {
      off();
      clearTimeout(settle);
      clearTimeout(clear);
    };
  }, []);
  return (
    <p role="status" aria-live="polite" className="sr-only" data-testid="result-announcement">
      {text}
    </p>
  );
}
