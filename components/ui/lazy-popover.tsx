"use client";

import { lazyPart } from "@/lib/client/lazy-part";
import { useLazyPart } from "@/lib/client/use-lazy-part";
import type { AnchoredPopoverProps } from "./anchored-popover";

const popover = lazyPart(() => import("./anchored-popover"));

/** Starts loading the popover's module: call it when the pointer or focus reaches a control that opens one. */
export const preloadPopover = (): void => void popover.load().catch(() => {});

/**
 * A popover whose Radix part is loaded on demand (at idle time, on `preloadPopover`, or when first
 * rendered): render it while open. Until the module is there it renders nothing.
 */
export function LazyPopover(props: AnchoredPopoverProps) {
  const module = useLazyPart(popover, true);
  return module ? <module.AnchoredPopover {...props} /> : null;
}

/** Queues the popover's module for idle time (for controls that render `LazyPopover` only once open). */
export function useIdlePopover(): void {
  useLazyPart(popover, false);
}
