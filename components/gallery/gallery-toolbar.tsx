"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { GalleryFilters, StateFilter } from "@/lib/queries/filters";

const STATES: readonly StateFilter[] = ["all", "active", "completed", "failed"];

/** Typing waits this long for a pause before the gallery asks the server again. */
export const SEARCH_DEBOUNCE_MS = 300;

export function GalleryToolbar({
  filters,
  onChange,
}: {
  filters: GalleryFilters;
  onChange: (filters: GalleryFilters) => void;
}) {
  const t = useTranslations("Gallery");
  const searchId = useId();
  const [text, setText] = useState(filters.q);

  useEffect(() => {
    if (text === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <fieldset className="flex flex-wrap gap-1">
        <legend className="sr-only">{t("filterLegend")}</legend>
        {STATES.map((state) => (
          <button
            key={state}
            type="button"
            aria-pressed={filters.state === state}
            onClick={() => onChange({ ...filters, state })}
            className="rounded-full border border-zinc-300 px-3 py-1 text-xs font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:text-white dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:border-brand-400 dark:aria-pressed:bg-brand-400 dark:aria-pressed:text-zinc-950"
          >
            {t(state)}
          </button>
        ))}
      </fieldset>
      <div className="sm:w-64">
        <label htmlFor={searchId} className="sr-only">
          {t("search")}
        </label>
        <input
          id={searchId}
          type="search"
          value={text}
          placeholder={t("search")}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
          className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:bg-zinc-950"
        />
      </div>
    </div>
  );
}
