"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { AccountBalance as Balance } from "@/lib/shared/balance";

type Format = ReturnType<typeof useFormatter>;

const SOURCE_TITLE = {
  credits: "fromCredits",
  token_usage: "fromTokenUsage",
  billing: "fromBilling",
} as const;

/** The amount as the unit says: "1,234 credits", "995,000 quota", "$12.66"; short forms for a phone. */
function amountText(balance: Balance, format: Format) {
  const { amount, unit } = balance;
  if (unit === "usd") {
    const full = format.number(amount, { style: "currency", currency: "USD" });
    return { full, short: full };
  }
  const digits = Math.abs(amount) < 100 ? 1 : 0;
  return {
    full: format.number(amount, { maximumFractionDigits: digits }),
    short: format.number(amount, { notation: "compact", maximumFractionDigits: 1 }),
  };
}

/**
 * The header's balance chip (loaded by ./account-balance once there is a balance to show). On a phone
 * the number is shortened ("995K") and the unit word dropped; the full text stays for screen readers,
 * and the title names where the figure came from.
 */
export function BalanceChip({ balance }: { balance: Balance }) {
  const t = useTranslations("Balance");
  const format = useFormatter();
  let full: string;
  let short: string;
  if (balance.unlimited) {
    full = t("unlimited");
    short = full;
  } else {
    const amount = amountText(balance, format);
    short = amount.short;
    full =
      balance.unit === "credits"
        ? t("credits", { count: balance.amount, amount: amount.full })
        : balance.unit === "quota"
          ? t("quota", { amount: amount.full })
          : amount.full;
  }
  const low = !balance.unlimited && balance.amount <= 0;
  return (
    <span
      data-balance-source={balance.source}
      title={balance.unlimited ? t("unlimitedTitle") : t(SOURCE_TITLE[balance.source])}
      className={`inline-flex h-7 shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border border-line px-2.5 text-xs font-medium tabular-nums max-sm:h-6.5 max-sm:border-0 max-sm:pl-0.5 ${low ? "text-danger" : "text-ink-muted"}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        className="size-3.5 shrink-0"
      >
        <ellipse cx="8" cy="4.5" rx="5.25" ry="2.25" />
        <path d="M2.75 4.5v3.5c0 1.24 2.35 2.25 5.25 2.25s5.25-1 5.25-2.25V4.5" />
        <path d="M2.75 8v3.5c0 1.24 2.35 2.25 5.25 2.25s5.25-1 5.25-2.25V8" />
      </svg>
      <span className="sr-only">{t("label")}: </span>
      <span className="max-sm:hidden">{full}</span>
      <span aria-hidden="true" className="sm:hidden">
        {short}
      </span>
      <span className="sr-only sm:hidden">{full}</span>
    </span>
  );
}
