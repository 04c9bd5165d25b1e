import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { AccountBalance } from "@/lib/shared/balance";

/**
 * The upstream account's balance for the header chip and the composer's low-balance line: one query,
 * refreshed every 30 s while the page is open, and at once after every create, extend or continue
 * (`refreshBalance`), since the studio drops its own 20 s copy when the upstream takes a task.
 */

export const balanceKeys = { all: ["account", "balance"] as const };

export function balanceQueryOptions() {
  return queryOptions({
    queryKey: balanceKeys.all,
    queryFn: async ({ signal }) =>
      (await apiFetch("/api/account/balance", { signal, timeoutMs: 20_000 }, (s) => s.BalanceAnswerSchema))
        .balance,
    staleTime: 20_000,
    refetchInterval: 30_000,
    // A balance is a nicety: a failed read is not asked again at once.
    retry: false,
  });
}

/** The known balance, or null while unknown, missing or unreadable. */
export function useBalance(): AccountBalance | null {
  return useQuery(balanceQueryOptions()).data ?? null;
}

export function refreshBalance(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: balanceKeys.all });
}
