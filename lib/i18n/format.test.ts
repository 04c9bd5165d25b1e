import { describe, expect, it } from "vitest";
import { formatRelative } from "./format";

const now = new Date("2025-01-01T12:00:00Z").getTime();

describe("relative times", () => {
  it("reads as the page's language says it", () => {
    expect(formatRelative("2025-01-01T11:58:00Z", now, "en")).toBe("2 min. ago");
    expect(formatRelative("2025-01-01T11:58:00Z", now, "zh-CN")).toBe("2分钟前");
    expect(formatRelative("2024-12-31T12:00:00Z", now, "en")).toBe("yesterday");
  });
});
