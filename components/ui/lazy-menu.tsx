"use client";

import { type ComponentPropsWithoutRef, forwardRef, type RefObject, useEffect, useRef } from "react";
import type { LazyPart } from "@/lib/client/lazy-part";

/**
 * The pieces of a menu whose Radix part loads on demand. Until its first open the control is this plain
 * button, with the look and the name of the Radix trigger that replaces it: pointer, focus or touch on
 * it starts loading the menu's module (the page also loads it at idle time), and a press, Enter, Space
 * or ArrowDown opens the menu, which then stays the Radix one.
 */
export const MenuTriggerButton = forwardRef<
  HTMLButtonElement,
  Omit<ComponentPropsWithoutRef<"button">, "onClick" | "onKeyDown"> & {
    /** The menu's module. */
    menu: LazyPart<unknown>;
    /** `keyboard`: opened with a key, so the first item takes focus (as Radix does). */
    onOpen: (keyboard: boolean) => void;
  }
>(function MenuTriggerButton({ menu, onOpen, onPointerEnter, onFocus, ...props }, ref) {
  const opening = useRef(false);
  const preload = () => void menu.load().catch(() => {});
  const open = (keyboard: boolean) => {
    if (menu.loaded()) return onOpen(keyboard);
    if (opening.current) return;
    opening.current = true;
    // Not loaded yet (a press before idle time on a slow network): the menu opens once it is there.
    menu
      .load()
      .then(
        () => onOpen(keyboard),
        () => {},
      )
      .finally(() => {
        opening.current = false;
      });
  };
  return (
    <button
      ref={ref}
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      {...props}
      onPointerEnter={(event) => {
        onPointerEnter?.(event);
        preload();
      }}
      onFocus={(event) => {
        onFocus?.(event);
        preload();
      }}
      onTouchStart={preload}
      // A click from Enter or Space has no pointer detail.
      onClick={(event) => open(event.detail === 0)}
      onKeyDown={(event) => {
        if (event.key !== "ArrowDown") return;
        event.preventDefault();
        open(true);
      }}
    />
  );
});

/**
 * Rendered inside the Radix menu's content: on the menu's first open, when a key opened it, focuses the
 * first item. Radix does that itself from then on, but it learns that a key was used from a keydown
 * listener it adds as it mounts, which here is after the key that opened the menu. Its effect runs
 * before Radix's focus scope's (a child's effects run first), which then leaves focus where it is.
 */
export function FocusFirstItem({
  content,
  pending,
}: {
  content: RefObject<HTMLElement | null>;
  /** True until done: set from how the menu was first opened. */
  pending: RefObject<boolean>;
}) {
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    content.current
      ?.querySelector<HTMLElement>("[role^=menuitem]:not([data-disabled])")
      ?.focus({ preventScroll: true });
  }, [content, pending]);
  return null;
}
