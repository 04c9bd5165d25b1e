"use client";

import { useTranslations } from "next-intl";
import { requestUseSettings } from "@/lib/client/use-settings-event";

const EXAMPLES = ["example1", "example2", "example3"] as const;

/** The first visit: what to do, and a few example prompts that fill the form in one click. */
export function EmptyGallery() {
  const t = useTranslations("Empty");
  return (
    <div className="flex flex-col items-center justify-center rounded-2xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-brand-50 text-brand-600 dark:bg-zinc-900 dark:text-brand-400">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        >
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="M10 9.5v5l4.5-2.5z" fill="currentColor" stroke="none" />
        </svg>
      </div>
      <p className="text-base font-medium">{t("title")}</p>
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <h3 className="mt-6 text-sm font-medium">{t("examples")}</h3>
      <ul className="mt-2 flex max-w-md flex-col gap-2">
        {EXAMPLES.map((key) => (
          <li key={key}>
            <button
              type="button"
              onClick={() =>
                requestUseSettings({
                  prompt: t(key),
                  expandPrompt: null,
                  loop: null,
                  model: null,
                  aspectRatio: null,
                  resolution: null,
                  duration: null,
                })
              }
              className="w-full rounded-xl border border-zinc-300 px-3 py-2 text-left text-sm text-zinc-800 hover:border-brand-400 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-900"
            >
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
