"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export interface SettingsSheetProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What the ⚙ button says besides its name: the current choices, "Ray 2 · 16:9 · 5 s". */
  summary: string;
  children: ReactNode;
}

/** The phone's settings: a ⚙ button with the current choices, opening a bottom sheet. */
export function SettingsSheet({ open, onOpenChange, summary, children }: SettingsSheetProps) {
  const c = useTranslations("Composer");
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger
        type="button"
        className="inline-flex h-10 min-w-0 items-center gap-2 rounded-full border border-line bg-canvas px-3 text-sm text-ink-muted focus-visible:outline-2 focus-visible:outline-accent sm:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-4 shrink-0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        >
          <circle cx="12" cy="12" r="3" />
          <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
        </svg>
        <span className="sr-only">{c("settings")}: </span>
        <span className="truncate tabular-nums">{summary}</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-scrim" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-x-0 bottom-0 z-50 flex max-h-[85dvh] flex-col gap-3 overflow-y-auto rounded-t-panel border-t border-line bg-surface px-4 pt-3 pb-[max(1rem,env(safe-area-inset-bottom))] text-ink shadow-lg"
        >
          <div aria-hidden="true" className="mx-auto h-1 w-10 rounded-full bg-line-strong" />
          <Dialog.Title className="text-base font-semibold">{c("settingsTitle")}</Dialog.Title>
          <div className="flex flex-col divide-y divide-line">{children}</div>
          <Dialog.Close className="h-11 rounded-full border border-line text-sm font-medium focus-visible:outline-2 focus-visible:outline-accent">
            {c("done")}
          </Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
