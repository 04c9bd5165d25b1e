"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useId, useState } from "react";
import type { GalleryFilters, StateFilter } from "@/lib/queries/filters";

const STATES: readonly StateFilter[] = ["all", "active", "completed", "failed"];

/** Typing waits this long for a pause before the gallery asks the server again. */
export const SEARCH_DEBOUNCE_MS = 300;

const CHIP =
  "inline-flex h-8 items-center rounded-full px-3 pointer-coarse:h-10 text-sm font-medium text-ink-muted hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent aria-pressed:bg-ink aria-pressed:text-canvas";

/** All · In progress · Ready · Failed · ★, and a prompt search; they combine. `action` sits before the search. */
export function GalleryToolbar({
  filters,
  onChange,
  action,
}: {
  filters: GalleryFilters;
  onChange: (filters: GalleryFilters) => void;
  action?: ReactNode;
}) {
  const t = useTranslations("Gallery");
  const cardsT = useTranslations("Cards");
  const searchId = useId();
  const [text, setText] = useState(filters.q);

  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
      <fieldset className="-ms-1 flex flex-wrap items-center gap-1">
        <legend className="sr-only">{t("filterLegend")}</legend>
        {STATES.map((state) => (
          <button
            key={state}
            type="button"
            aria-pressed={filters.state === state}
            onClick={() => onChange({ ...filters, state })}
            className={CHIP}
          >
            {t(state)}
          </button>
        ))}
        <span aria-hidden="true" className="mx-1 h-4 w-px bg-line" />
        <button
          type="button"
          aria-pressed={filters.favourite === true}
          aria-label={cardsT("favourites")}
          title={cardsT("favourites")}
          onClick={() => onChange({ ...filters, favourite: !filters.favourite })}
          className={`${CHIP} px-2.5`}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
            <path d="M10 1.8l2.5 5.3 5.8.7-4.3 4 1.1 5.7L10 14.7l-5.1 2.8L6 11.8l-4.3-4 5.8-.7z" />
          </svg>
        </button>
      </fieldset>
      <div className="flex w-full items-center gap-2 sm:w-auto">
        {action}
        <div className="relative min-w-0 flex-1 sm:w-64 sm:flex-none">
          <label htmlFor={searchId} className="sr-only">
            {t("search")}
          </label>
          <svg
            aria-hidden="true"
            viewBox="0 0 20 20"
            className="pointer-events-none absolute start-2.5 top-1/2 size-4 -translate-y-1/2 fill-none stroke-current stroke-2 text-ink-faint"
          >
            <circle cx="9" cy="9" r="5.5" />
            <path d="M13.5 13.5L17 17" strokeLinecap="round" />
          </svg>
          <input
            id={searchId}
            type="search"
            value={text}
            placeholder={t("search")}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
            className="h-9 w-full rounded-full border border-line bg-surface ps-8 pointer-coarse:h-10 pe-3 text-sm text-ink placeholder:text-ink-faint focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
          />
        </div>
      </div>
    </div>
  );
}
