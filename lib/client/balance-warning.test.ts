import { describe, expect, it } from "vitest";
import type { AccountBalance } from "@/lib/shared/balance";
import { balanceShortfall, durationSecondsOf } from "./balance-warning";

const credits = (amount: number): AccountBalance => ({
  source: "credits",
  amount,
  unit: "credits",
  unlimited: false,
});
const quota = (amount: number, unlimited = false): AccountBalance => ({
  source: "token_usage",
  amount,
  unit: "quota",
  unlimited,
});

describe("balanceShortfall", () => {
  it("says nothing without a known balance, or for an unlimited token", () => {
    expect(balanceShortfall(null, 5)).toBeNull();
    expect(balanceShortfall(quota(-100, true), 5)).toBeNull();
  });

  it("warns for a used-up balance in any unit", () => {
    expect(balanceShortfall(credits(0), 5)).toEqual({ kind: "empty" });
    expect(balanceShortfall(quota(-3), 5)).toEqual({ kind: "empty" });
    expect(balanceShortfall({ source: "billing", amount: 0, unit: "usd", unlimited: false }, 9)).toEqual({
      kind: "empty",
    });
  });

  it("warns when fewer credits are left than the clip has seconds", () => {
    expect(balanceShortfall(credits(4), 5)).toEqual({ kind: "low", amount: 4, seconds: 5 });
    expect(balanceShortfall(credits(5), 5)).toBeNull();
    expect(balanceShortfall(credits(6), 9)).toEqual({ kind: "low", amount: 6, seconds: 9 });
    expect(balanceShortfall(credits(4), null)).toBeNull();
  });

  it("does not guess a price for quota or dollars that are left", () => {
    expect(balanceShortfall(quota(1), 9)).toBeNull();
    expect(
      balanceShortfall({ source: "billing", amount: 0.01, unit: "usd", unlimited: false }, 9),
    ).toBeNull();
  });
});

describe("durationSecondsOf", () => {
  it("reads the settings' durations", () => {
    expect(durationSecondsOf("5s")).toBe(5);
    expect(durationSecondsOf("9s")).toBe(9);
    expect(durationSecondsOf("long")).toBeNull();
  });
});
