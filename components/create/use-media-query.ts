import { useSyncExternalStore } from "react";

/** A precise pointer that can hover: a mouse or trackpad. Touch screens get no drop wording or key hints. */
export const FINE_POINTER = "(hover: hover) and (pointer: fine)";
/** Tailwind's `sm`: below it the composer is a prompt bar with a ➕ and a ⚙ sheet. */
export const WIDE_SCREEN = "(min-width: 640px)";

/** A media query's answer, `serverValue` until hydration (so server and first client render agree). */
export function useMediaQuery(query: string, serverValue = false): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", notify);
      return () => list.removeEventListener("change", notify);
    },
    () => window.matchMedia(query).matches,
    () => serverValue,
  );
}
