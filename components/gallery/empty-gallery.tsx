"use client";

import { useTranslations } from "next-intl";
import { requestUseSettings } from "@/lib/client/use-settings-event";
import { AccountImport } from "../account/import-context";

const EXAMPLES = ["example1", "example2", "example3"] as const;

/**
 * The first visit: what to do, and a few example prompts that fill the form in one click; where the
 * provider lists an account's clips, the way to bring in those made elsewhere.
 */
export function EmptyGallery({ canImport = false }: { canImport?: boolean }) {
  const t = useTranslations("Empty");
  return (
    <div className="flex flex-col items-center justify-center rounded-panel border border-dashed border-line-strong px-6 py-12 text-center">
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-accent-soft text-accent">
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
      <p className="mt-1 max-w-sm text-sm text-ink-muted">{t("body")}</p>
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
              className="w-full rounded-md border border-line px-3 py-2 text-start text-sm text-ink hover:border-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
      {canImport ? <AccountImport variant="empty" /> : null}
    </div>
  );
}
