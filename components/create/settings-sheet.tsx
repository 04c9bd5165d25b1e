"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useRef } from "react";
import { lazyPart, preloadProps } from "@/lib/client/lazy-part";
import { useLazyPart } from "@/lib/client/use-lazy-part";
import { CAMERA_ICON } from "./settings-fields";

const radixSheet = lazyPart(() => import("./settings-sheet-radix"));
const preloadSheet = (): void => void radixSheet.load().catch(() => {});

export interface SettingsSheetProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** What the ⚙ button says besides its name: the current choices, "Ray 2 · 16:9 · 5 s". */
  summary: string;
  /** Camera motions picked (shown as a camera and their number; 0 shows nothing). */
  motions?: number;
  children: ReactNode;
}

/**
 * The phone's settings: a ⚙ button with the current choices, opening a bottom sheet. The sheet (a
 * Radix dialog, ./settings-sheet-radix) is loaded on demand: at idle time, or when the button is
 * touched, hovered or focused.
 */
export function SettingsSheet({ open, onOpenChange, summary, motions = 0, children }: SettingsSheetProps) {
  const c = useTranslations("Composer");
  const trigger = useRef<HTMLButtonElement>(null);
  const Radix = useLazyPart(radixSheet, open);
  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? "open" : "closed"}
        {...preloadProps(preloadSheet)}
        onClick={() => onOpenChange(!open)}
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
        {motions > 0 ? (
          <span className="inline-flex shrink-0 items-center gap-0.5 text-accent">
            <span aria-hidden="true">{CAMERA_ICON}</span>
            <span aria-hidden="true" className="tabular-nums">
              {motions}
            </span>
            <span className="sr-only">, {c("motionsPicked", { count: motions })}</span>
          </span>
        ) : null}
      </button>
      {open && Radix ? (
        <Radix.RadixSettingsSheet onOpenChange={onOpenChange} trigger={trigger}>
          {children}
        </Radix.RadixSettingsSheet>
      ) : null}
    </>
  );
}
