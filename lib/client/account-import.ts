import type { AccountImport } from "@/lib/shared/account-import";
import { apiFetch } from "./api";

/** A run may read 20 pages from the upstream, each a call of its own. */
const IMPORT_TIMEOUT_MS = 5 * 60_000;

/** "Import from my Luma account": the account's finished clips the studio does not hold yet. */
export function importFromAccount(): Promise<AccountImport> {
  return apiFetch(
    "/api/account/import",
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      timeoutMs: IMPORT_TIMEOUT_MS,
    },
    (schemas) => schemas.AccountImportSchema,
  );
}
