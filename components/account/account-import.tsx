"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { importFromAccount } from "@/lib/client/account-import";
import { ApiError } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { notify } from "@/lib/client/toast";
import { taskKeys } from "@/lib/queries/tasks";
import { OnDemandMessages } from "../on-demand-messages";
import { importSummary } from "./import-summary";

/**
 * "Import from my Luma account", loaded on demand where the provider lists an account's generations
 * (./import-context), with its own sentences. The button shows
 * "Importing…" while the studio reads the account, then one toast with the counts, and the gallery's
 * lists are read again so the clips appear.
 */

/** The one import at a time of this tab: every button shares the mutation's key. */
const IMPORT_KEY = ["account", "import"] as const;

function useAccountImport() {
  const t = useTranslations();
  const locale = useLocale();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: IMPORT_KEY,
    mutationFn: importFromAccount,
    onSuccess: (result) => {
      notify(result.imported > 0 ? "success" : "info", importSummary(result, t, locale));
      void queryClient.invalidateQueries({ queryKey: taskKeys.all, refetchType: "active" });
    },
    onError: (error) => {
      const reason =
        error instanceof ApiError && error.code === "rate_limited"
          ? t("Import.busy", { seconds: Math.ceil(error.retryAfterSeconds ?? 10) })
          : describeError(error, t);
      notify("error", t("Import.failed", { reason }));
    },
  });
}

function ImportIcon({ className }: { className: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M10 3v9m0 0l-3.5-3.5M10 12l3.5-3.5" />
      <path d="M3.5 13.5v1.5a2 2 0 002 2h9a2 2 0 002-2v-1.5" />
    </svg>
  );
}

function Spinner({ className }: { className: string }) {
  return <span aria-hidden="true" className={`animate-spin rounded-full border-2 ${className}`} />;
}

/**
 * `toolbar`: a quiet pill beside the gallery's search (its words shortened to "Import" on a phone);
 * `empty`: the first-visit panel's secondary action.
 */
function ImportButton({ variant }: { variant: "toolbar" | "empty" }) {
  const t = useTranslations("Import");
  const run = useAccountImport();
  const busy = run.isPending;
  const label = busy ? t("running") : t("button");
  const start = () => {
    if (!busy) run.mutate();
  };
  if (variant === "empty") {
    return (
      <button
        type="button"
        onClick={start}
        aria-disabled={busy}
        data-testid="import-account"
        className="inline-flex h-10 items-center gap-2 rounded-full border border-line-strong px-4 text-sm font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent aria-disabled:cursor-progress aria-disabled:opacity-70"
      >
        {busy ? (
          <Spinner className="size-4 border-line border-t-accent" />
        ) : (
          <ImportIcon className="size-4" />
        )}
        {label}
      </button>
    );
  }
  return (
    <button
      type="button"
      onClick={start}
      aria-disabled={busy}
      aria-label={label}
      title={t("button")}
      data-testid="import-account"
      className="inline-flex h-9 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border border-line px-3 text-sm font-medium text-ink-muted pointer-coarse:h-10 hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent aria-disabled:cursor-progress aria-disabled:opacity-70"
    >
      {busy ? (
        <Spinner className="size-3.5 border-line border-t-accent" />
      ) : (
        <ImportIcon className="size-4" />
      )}
      <span className="sm:hidden">{busy ? t("running") : t("buttonShort")}</span>
      <span className="hidden sm:inline">{label}</span>
    </button>
  );
}

/** The part ./import-context loads: the toolbar pill, or the empty gallery's panel with its button. */
export default function AccountImportPart({ variant }: { variant: "toolbar" | "empty" }) {
  return (
    <OnDemandMessages namespaces={["Import"]}>
      {variant === "toolbar" ? <ImportButton variant="toolbar" /> : <EmptyImportPanel />}
    </OnDemandMessages>
  );
}

function EmptyImportPanel() {
  const t = useTranslations("Import");
  return (
    <div className="mt-8 flex w-full max-w-md flex-col items-center border-t border-line pt-6">
      <h3 className="text-sm font-medium">{t("emptyTitle")}</h3>
      <p className="mt-1 max-w-sm text-sm text-ink-muted">{t("emptyBody")}</p>
      <div className="mt-3">
        <ImportButton variant="empty" />
      </div>
    </div>
  );
}
