import { useFormatter, useTranslations } from "next-intl";
import { composerIds } from "./composer-form";
import { FINE_POINTER, useMediaQuery } from "./use-media-query";

export interface GenerateButtonProps {
  /** The composer's id prefix: the count and the key hint get the ids the prompt and form refer to. */
  idPrefix: string;
  submitting: boolean;
  promptLength: number;
  maxLength: number;
  /** What the button says; "Generate" and "Generating…" unless told (the extend dialog's "Extend"). */
  label?: string;
  busyLabel?: string;
}

/** The prompt's count, the key hint (mouse and trackpad only) and Generate: the composer's one accent. */
export function GenerateBar({
  idPrefix,
  submitting,
  promptLength,
  maxLength,
  label,
  busyLabel,
}: GenerateButtonProps) {
  const { count: countId, shortcut: shortcutId } = composerIds(idPrefix);
  const t = useTranslations("Form");
  const c = useTranslations("Composer");
  const format = useFormatter();
  const fine = useMediaQuery(FINE_POINTER);
  const over = promptLength > maxLength;
  // Below xl the settings need the row: the count shows there once it matters (the last fifth), the
  // key hint only from xl (it stays in the button's description for screen readers).
  const near = promptLength >= maxLength * 0.8;
  return (
    <div className="flex shrink-0 items-center gap-3">
      <span
        id={countId}
        className={`text-xs tabular-nums ${over ? "font-semibold text-danger" : near ? "hidden text-ink-faint sm:inline" : "hidden text-ink-faint xl:inline"}`}
      >
        {format.number(promptLength)} / {format.number(maxLength)}
        <span className="sr-only"> {t("characters")}</span>
      </span>
      {/* Touch screens get no key hint: there is rarely a keyboard to press it on. */}
      {fine ? (
        <>
          <span id={shortcutId} className="sr-only">
            {c("shortcut")}
          </span>
          <span
            aria-hidden="true"
            className="hidden rounded border border-line px-1.5 py-0.5 font-sans text-xs text-ink-faint xl:inline"
          >
            Ctrl/⌘ ↵
          </span>
        </>
      ) : null}
      <button
        type="submit"
        disabled={submitting}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className="inline-flex h-10 items-center justify-center gap-2 rounded-full bg-accent px-5 text-sm font-semibold text-accent-ink shadow-sm hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-progress disabled:opacity-70"
      >
        {submitting ? (
          <span
            aria-hidden="true"
            className="size-4 animate-spin rounded-full border-2 border-accent-ink/40 border-t-accent-ink"
          />
        ) : null}
        {submitting ? (busyLabel ?? t("generating")) : (label ?? t("generate"))}
      </button>
    </div>
  );
}
