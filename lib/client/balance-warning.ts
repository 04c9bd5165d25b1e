import type { AccountBalance } from "@/lib/shared/balance";

/**
 * Whether the known balance may not cover the clip about to be made. Kept simple and honest: the studio
 * does not know any provider's prices, so it only warns when the balance is used up (any unit), or, for
 * Luma credits, when fewer are left than the clip has seconds (the least a clip costs on the simulator,
 * which spends one credit per second). A relay's quota units have no known price per clip.
 */
export type BalanceShortfall = { kind: "empty" } | { kind: "low"; amount: number; seconds: number };

export function balanceShortfall(
  balance: AccountBalance | null,
  durationSeconds: number | null,
): BalanceShortfall | null {
  if (!balance || balance.unlimited) return null;
  if (balance.amount <= 0) return { kind: "empty" };
  if (balance.unit === "credits" && durationSeconds !== null && balance.amount < durationSeconds) {
    return { kind: "low", amount: balance.amount, seconds: durationSeconds };
  }
  return null;
}

/** "5s" → 5; anything else (a relay's own duration words) → null. */
export function durationSecondsOf(duration: string): number | null {
  const match = /^(\d+)s$/.exec(duration);
  return match ? Number(match[1]) : null;
}
