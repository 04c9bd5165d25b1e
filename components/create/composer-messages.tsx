import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export interface ComposerProblem {
  id: string;
  message: string;
  /** An image refused only for its pixel size: offer to downscale it and use it. */
  onDownscale?: () => void;
}

export interface ComposerMessagesProps {
  alert: string | null;
  /** A way out offered with the alert (the extend dialog's "Continue from last frame instead"). */
  alertAction?: ReactNode;
  problems: readonly ComposerProblem[];
  hints: readonly string[];
  /** A caution that does not block Generate (the balance may not cover the clip). */
  warning?: string | null;
}

/**
 * Under the composer, one line each: the form's alert, field problems, why something is off. A started
 * clip is not said here: its toast and the live region say it once (lib/client/toast.ts).
 */
export function ComposerMessages({ alert, alertAction, problems, hints, warning }: ComposerMessagesProps) {
  const c = useTranslations("Composer");
  return (
    <div className="flex flex-col gap-1 text-sm has-[>:not(:empty)]:mt-2">
      {alert ? (
        <div
          role="alert"
          className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-tile bg-danger-soft px-3 py-2 text-ink"
        >
          <span>{alert}</span>
          {alertAction}
        </div>
      ) : null}
      <div aria-live="polite" className="flex flex-col gap-1 empty:hidden">
        {problems.map((problem) => (
          <p key={problem.id} id={problem.id} className="flex flex-wrap items-center gap-x-3 text-danger">
            <span>{problem.message}</span>
            {problem.onDownscale ? (
              <button
                type="button"
                onClick={problem.onDownscale}
                className="h-8 rounded-full border border-line px-3 text-xs font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent pointer-coarse:h-10"
              >
                {c("downscale")}
              </button>
            ) : null}
          </p>
        ))}
      </div>
      {warning ? (
        <p data-balance-warning className="flex items-center gap-1.5 text-xs font-medium text-warn">
          <svg aria-hidden="true" viewBox="0 0 16 16" fill="currentColor" className="size-3.5 shrink-0">
            <path d="M8 1.5 15 14H1L8 1.5Zm-.75 4.75v4h1.5v-4h-1.5Zm0 5.25v1.5h1.5V11.5h-1.5Z" />
          </svg>
          <span>{warning}</span>
        </p>
      ) : null}
      {hints.map((hint) => (
        <p key={hint} className="text-xs text-ink-muted">
          {hint}
        </p>
      ))}
    </div>
  );
}
