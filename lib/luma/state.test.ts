import { describe, expect, it } from "vitest";
import { mapState } from "./state";

describe("mapState", () => {
  it("treats words that name Object.prototype's keys as unknown, so still running", () => {
    for (const word of ["__proto__", "_ proto _", "constructor", "toString", "hasOwnProperty"]) {
      expect(mapState(word)).toBe("running");
    }
  });
});
