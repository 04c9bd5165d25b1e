import { getTranslations } from "next-intl/server";

/**
 * Shown under the header when the studio has no passcode and can be reached from other machines:
 * anyone who finds it can spend the owner's credits. Server-rendered, no script.
 */
export async function OpenStudioWarning() {
  const t = await getTranslations("Security");
  return (
    <div role="note" aria-label={t("label")} className="border-b border-danger/30 bg-danger-soft text-ink">
      <p className="mx-auto w-full max-w-screen-2xl px-3 py-2 text-sm sm:px-6">
        <strong className="font-semibold text-danger">{t("open")}</strong>{" "}
        {t.rich("body", {
          code: (chunks) => (
            <code className="rounded bg-surface px-1 font-mono text-xs text-ink">{chunks}</code>
          ),
        })}
      </p>
    </div>
  );
}
