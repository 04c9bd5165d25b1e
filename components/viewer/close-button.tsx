"use client";

import { useTranslations } from "next-intl";
import type { ComponentPropsWithoutRef } from "react";

export const CLOSE_CLASS =
  "inline-flex h-10 shrink-0 items-center gap-2 rounded-full bg-black/40 pr-4 pl-3 text-sm font-medium text-white backdrop-blur hover:bg-black/60 focus-visible:outline-2 focus-visible:outline-accent max-sm:px-2.5";

/** The close control's words: on a phone only the ✕ shows (a 40 px circle), to leave room for the arrows. */
export const CLOSE_LABEL_CLASS = "max-sm:sr-only";

export function CloseIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 6l12 12M18 6 6 18" />
    </svg>
  );
}

/** "✕ Close" at the stage's top left. */
export function CloseButton(props: ComponentPropsWithoutRef<"button">) {
  const t = useTranslations("Viewer");
  return (
    <button type="button" className={CLOSE_CLASS} {...props}>
      <CloseIcon />
      <span className={CLOSE_LABEL_CLASS}>{t("close")}</span>
    </button>
  );
}
