"use client";

import * as Popover from "@radix-ui/react-popover";
import { type ReactNode, type RefObject, useRef } from "react";

export interface AnchoredPopoverProps {
  /** Called with false when the popover asks to close (Escape, a click outside). */
  onOpenChange: (open: boolean) => void;
  /** What the popover sits against. */
  anchor: RefObject<HTMLElement | null>;
  /**
   * The control that opened it, when it toggles the popover: a press on it is left to it (so it closes
   * the popover rather than closing and reopening it), and focus returns to it on Escape.
   */
  trigger?: RefObject<HTMLElement | null>;
  side?: "top" | "right" | "bottom" | "left";
  align?: "start" | "center" | "end";
  sideOffset?: number;
  collisionPadding?: number;
  /** Leaves focus where the caller puts it when the popover closes. */
  onCloseAutoFocus?: (event: Event) => void;
  "aria-label"?: string;
  className: string;
  children: ReactNode;
}

/**
 * A Radix popover, open while mounted, anchored to an element the caller renders itself (no Radix
 * trigger): the controls stay plain buttons in the first load, and this module comes on demand
 * (./lazy-popover). Radix gives the focus handling, Escape, dismissal and collision-aware placement.
 */
export function AnchoredPopover({
  onOpenChange,
  anchor,
  trigger,
  onCloseAutoFocus,
  className,
  children,
  ...placement
}: AnchoredPopoverProps) {
  const interactedOutside = useRef(false);
  return (
    <Popover.Root open onOpenChange={onOpenChange}>
      <Popover.Anchor virtualRef={anchor as RefObject<HTMLElement>} />
      <Popover.Portal>
        <Popover.Content
          {...placement}
          className={className}
          onInteractOutside={(event) => {
            const target = event.target as Node | null;
            if (target && trigger?.current?.contains(target)) event.preventDefault();
            else interactedOutside.current = true;
          }}
          onCloseAutoFocus={(event) => {
            if (onCloseAutoFocus) return onCloseAutoFocus(event);
            // As Radix does for its own trigger: back to the control, unless the creator clicked elsewhere.
            event.preventDefault();
            if (!interactedOutside.current) trigger?.current?.focus();
          }}
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
