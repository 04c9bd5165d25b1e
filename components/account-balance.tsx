"use client";

import { lazy, Suspense } from "react";
import { useBalance } from "@/lib/queries/balance";

// The chip's code comes with the first balance: it is never on screen before that answer anyway.
const BalanceChip = lazy(() => import("./balance-chip").then((module) => ({ default: module.BalanceChip })));

/**
 * What the upstream account has left, when the upstream says (GET /api/account/balance): nothing at
 * all while it is unknown or the upstream has no account endpoint.
 */
export function AccountBalance() {
  const balance = useBalance();
  if (!balance) return null;
  return (
    <Suspense fallback={null}>
      <BalanceChip balance={balance} />
    </Suspense>
  );
}
