import { describe, expect, it } from "vitest";
import { relativeNow } from "./use-now";

const since = Date.parse("2026-01-01T10:00:00.000Z");

describe("relativeNow", () => {
  it("is exact for a clip's first minute, so '12 s ago' counts every second", () => {
    expect(relativeNow(since, since + 12_400)).toBe(since + 12_400);
    expect(relativeNow(since, since + 59_999)).toBe(since + 59_999);
  });

  it("holds an older clip's age to 30 s steps, so its label only changes when its text could", () => {
    expect(relativeNow(since, since + 60_000)).toBe(since + 60_000);
    expect(relativeNow(since, since + 89_999)).toBe(since + 60_000);
    expect(relativeNow(since, since + 90_000)).toBe(since + 90_000);
    expect(relativeNow(since, since + 3_600_000 + 29_000)).toBe(since + 3_600_000);
  });
});
