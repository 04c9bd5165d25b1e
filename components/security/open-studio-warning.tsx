import { getTranslations } from "next-intl/server";

/**
 * Shown under the header when the studio has no passcode and can be reached from other machines:
 * anyone who finds it can spend the owner's credits. Server-rendered, no script.
 */
export async function OpenStudioWarning() {
  const t = await getTranslations("Security");
  return (
    <div
      role="note"
      aria-label={t("label")}
      className="border-b border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="mx-auto w-full max-w-7xl px-4 py-2 text-sm sm:px-6">
        <strong className="font-semibold">{t("open")}</strong>{" "}
        {t.rich("body", {
          code: (chunks) => (
            <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900">{chunks}</code>
          ),
        })}
      </p>
    </div>
  );
}
