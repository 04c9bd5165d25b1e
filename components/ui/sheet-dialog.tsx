"use client";

import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";
import { CloseIcon } from "../viewer/close-button";

/** Panel widths on a tablet or desktop (literal classes, so Tailwind sees them). */
const WIDTHS = {
  md: "sm:w-[min(32rem,calc(100vw-2rem))] sm:p-5",
  lg: "sm:w-[min(36rem,calc(100vw-2rem))] sm:p-5",
  xl: "sm:w-[min(44rem,calc(100vw-2rem))] sm:p-4",
} as const;

export interface SheetDialogProps {
  /** Closed by Esc, the ✕, or a tap outside. */
  onClose: () => void;
  title: ReactNode;
  description: ReactNode;
  /** The ✕ button's accessible name. */
  closeLabel: string;
  width: keyof typeof WIDTHS;
  /** Shown before the title, e.g. the source clip's poster. */
  leading?: ReactNode;
  /** Where focus starts; Radix's first focusable element when it returns null. */
  initialFocus?: () => HTMLElement | null;
  /** Where focus goes back to once the dialog has gone (the button that opened it). */
  returnFocus?: () => HTMLElement | null;
  testId?: string;
  children: ReactNode;
}

/**
 * The studio's tool dialogs (extend / continue, modify / upscale / audio / reframe, create a keyframe
 * from text) in one shell: a Radix dialog that is a sheet from the bottom on a phone (with its grabber
 * and the safe-area inset) and a panel in the middle elsewhere, with the title, a description and ✕.
 */
export function SheetDialog({
  onClose,
  title,
  description,
  closeLabel,
  width,
  leading,
  initialFocus,
  returnFocus,
  testId,
  children,
}: SheetDialogProps) {
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-scrim backdrop-blur-sm" />
        <Dialog.Content
          data-testid={testId}
          onOpenAutoFocus={(event) => {
            const first = initialFocus?.();
            if (!first) return;
            event.preventDefault();
            first.focus();
          }}
          onCloseAutoFocus={(event) => {
            const opener = returnFocus?.();
            if (!opener?.isConnected) return;
            event.preventDefault();
            // After the closing click or key has settled (a refresh may re-render what opened it).
            requestAnimationFrame(() => opener.focus());
          }}
          className={`fixed inset-x-0 bottom-0 z-50 flex max-h-[92dvh] flex-col gap-3 overflow-y-auto rounded-t-panel border-t border-line bg-surface px-3 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] text-ink shadow-2xl sm:inset-x-auto sm:top-1/2 sm:bottom-auto sm:left-1/2 sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-panel sm:border ${WIDTHS[width]}`}
        >
          <div
            aria-hidden="true"
            className="mx-auto h-1 w-10 shrink-0 rounded-full bg-line-strong sm:hidden"
          />
          <div className="flex items-start gap-3">
            {leading}
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-base font-semibold">{title}</Dialog.Title>
              <Dialog.Description className="mt-0.5 text-sm text-ink-muted">{description}</Dialog.Description>
            </div>
            <Dialog.Close
              aria-label={closeLabel}
              className="-mt-1 -mr-1 grid size-10 shrink-0 place-items-center rounded-full text-ink-muted hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
            >
              <CloseIcon />
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
