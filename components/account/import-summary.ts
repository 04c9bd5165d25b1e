import type { Translate } from "@/lib/i18n/translate";
import type { AccountImport } from "@/lib/shared/account-import";

/**
 * The toast after an import, in whole sentences: how many came in, then (only when there are any) how
 * many were already here and how many were left out, and whether the account has more to bring.
 * Chinese sentences run on with no space between them.
 */
export function importSummary(result: AccountImport, t: Translate, locale: string): string {
  const sentences = [t("Import.imported", { count: result.imported })];
  if (result.alreadyHere > 0) sentences.push(t("Import.alreadyHere", { count: result.alreadyHere }));
  if (result.skipped > 0) sentences.push(t("Import.skipped", { count: result.skipped }));
  if (!result.complete) sentences.push(t("Import.more"));
  return sentences.join(locale.startsWith("zh") ? "" : " ");
}
