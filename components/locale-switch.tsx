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
    <label className="relative flex h-10 items-center rounded-tile text-ink-muted hover:bg-canvas hover:text-ink focus-within:text-ink">
      <span className="sr-only">{label}</span>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        className="pointer-events-none absolute left-2.5 size-4"
      >
        <circle cx="8" cy="8" r="6.25" />
        <path d="M1.75 8h12.5M8 1.75c1.8 1.7 2.7 3.8 2.7 6.25S9.8 12.55 8 14.25C6.2 12.55 5.3 10.45 5.3 8S6.2 3.45 8 1.75Z" />
      </svg>
      <select
        value={locale}
        disabled={pending}
        aria-label={label}
        onChange={(event) => {
          // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and older Safari
          document.cookie = `${LOCALE_COOKIE}=${event.target.value}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
        className="h-10 cursor-pointer appearance-none rounded-tile bg-transparent pr-2.5 pl-8 text-sm font-medium text-current focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:opacity-60"
      >
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option} className="bg-surface text-ink">
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
