"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { type AppLocale, LOCALE_COOKIE, LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The header's language choice: remembered in a cookie, then the server renders the page again in it. */
export function LocaleSwitch({ locale, label }: { locale: AppLocale; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-xs font-medium text-zinc-700 dark:text-zinc-300">
      <span className="sr-only sm:not-sr-only">{label}</span>
      <select
        value={locale}
        disabled={pending}
        aria-label={label}
        onChange={(event) => {
          // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
        className="h-9 rounded-lg border border-zinc-300 bg-white px-2 text-sm text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
