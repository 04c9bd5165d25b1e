import { describe, expect, it, vi } from "vitest";
import { isLumaError, LumaError } from "./errors";

describe("isLumaError", () => {
  it("recognises an error made by another copy of the module, as bundlers sometimes load one per chunk", async () => {
    vi.resetModules();
    const other = await import("./errors");
    expect(other.LumaError).not.toBe(LumaError);
    const foreign = new other.LumaError({
      kind: "rejected",
      message: "nope",
      upstreamMessage: "Prompt is required",
    });
    expect(foreign instanceof LumaError).toBe(false);
    expect(isLumaError(foreign)).toBe(true);
  });

  it("refuses look-alikes", () => {
    expect(isLumaError(new Error("x"))).toBe(false);
    expect(isLumaError({ name: "LumaError", kind: "rejected" })).toBe(false);
    expect(isLumaError(null)).toBe(false);
  });
});
