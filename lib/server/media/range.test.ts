import { describe, expect, it } from "vitest";
import { parseRange } from "./range";

describe("parseRange", () => {
  it("reads a closed range, inclusive on both ends", () => {
    expect(parseRange("bytes=1000-1999", 5000)).toEqual({ start: 1000, end: 1999 });
  });

  it("reads an open range and a suffix range", () => {
    expect(parseRange("bytes=4000-", 5000)).toEqual({ start: 4000, end: undefined });
    expect(parseRange("bytes=-500", 5000)).toEqual({ start: 4500 });
    expect(parseRange("bytes=-9000", 5000)).toEqual({ start: 0 });
  });

  it("turns a zero-length suffix into a start past the end (answered 416)", () => {
    expect(parseRange("bytes=-0", 5000)).toEqual({ start: 5000 });
  });

  it("ignores what it does not serve: no header, other units, several ranges, backwards, garbage", () => {
    for (const header of [null, "", "items=0-5", "bytes=0-1,5-6", "bytes=9-2", "bytes=-", "bytes=a-b"]) {
      expect(parseRange(header, 5000), String(header)).toBeNull();
    }
  });

  it("tolerates surrounding whitespace", () => {
    expect(parseRange("  bytes=0-0 ", 10)).toEqual({ start: 0, end: 0 });
  });
});
