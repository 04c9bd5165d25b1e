import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

const kbd = (chunks: ReactNode) => (
  <kbd className="rounded border border-zinc-300 px-1 font-sans dark:border-zinc-700">{chunks}</kbd>
);

export interface FormFooterProps {
  shortcutId: string;
  submitting: boolean;
  alert: string | null;
  announcement: string;
}

/** Generate, the keyboard hint, the form-level alert and the polite success announcement. */
export function FormFooter({ shortcutId, submitting, alert, announcement }: FormFooterProps) {
  const t = useTranslations("Form");
  return (
    <div className="flex flex-col gap-3">
      {alert ? (
        <div
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
        >
          {alert}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p id={shortcutId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {t.rich("shortcut", { kbd })}
        </p>
        <button
          type="submit"
          disabled={submitting}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className="inline-flex h-11 w-full items-center justify-center gap-2 rounded-xl bg-brand-600 px-6 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-progress disabled:opacity-70 sm:w-auto"
        >
          {submitting ? (
            <span
              aria-hidden="true"
              className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
            />
          ) : null}
          {submitting ? t("generating") : t("generate")}
        </button>
      </div>
      <p aria-live="polite" className="text-sm text-emerald-700 empty:hidden dark:text-emerald-400">
        {announcement}
      </p>
    </div>
  );
}
