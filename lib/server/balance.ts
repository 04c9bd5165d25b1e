import "server-only";
import { type Balance, readBalance } from "@/lib/luma/balance";
import type { BalanceAnswer } from "@/lib/shared/balance";
import { log } from "./log";
import { upstreamConnection } from "./upstream-link";

/**
 * The account balance the header shows, read through the same connection (base URL, token, transport) as
 * the provider client and kept for a short while, so every open tab and page load does not ask the
 * upstream again. A successful create, extend or continue drops it (tasks/submit.ts): the next read
 * shows what that clip cost.
 */

export const BALANCE_CACHE_MS = 20_000;

interface Cached {
  at: number;
  value: Promise<Balance | null>;
}

const holder = globalThis as typeof globalThis & { __lumaBalance?: Cached | null };

export async function accountBalance(now = Date.now()): Promise<BalanceAnswer> {
  const cached = holder.__lumaBalance;
  if (!cached || now - cached.at >= BALANCE_CACHE_MS) {
    const value = readBalance(upstreamConnection(), {
      log: (line) => log.debug(`upstream ${line.event}`, line.detail),
    });
    holder.__lumaBalance = { at: now, value };
  }
  const balance = await (holder.__lumaBalance as Cached).value;
  return { balance };
}

/** Forgets the kept balance: the upstream has just spent some of it. */
export function forgetBalance(): void {
  holder.__lumaBalance = null;
}
