import { describe, expect, it } from "vitest";
import { looksLikeShareToken, newShareToken, SHARE_TOKEN_BYTES, SHARE_TOKEN_PATTERN } from "./tokens";

describe("share tokens", () => {
  it("carry at least 128 random bits in a URL-safe form", () => {
    expect(SHARE_TOKEN_BYTES * 8).toBeGreaterThanOrEqual(128);
    const token = newShareToken();
    expect(token).toMatch(SHARE_TOKEN_PATTERN);
    expect(encodeURIComponent(token)).toBe(token);
    expect(Buffer.from(token, "base64url")).toHaveLength(SHARE_TOKEN_BYTES);
  });

  it("never repeat and use the whole alphabet about evenly", () => {
    const tokens = Array.from({ length: 20_000 }, newShareToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const counts = new Map<string, number>();
    for (const char of tokens.join("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(64);
    const expected = (tokens.length * 24) / 64;
    for (const [char, count] of counts) {
      expect(Math.abs(count - expected) / expected, char).toBeLessThan(0.1);
    }
  });

  it("bits are independent of each other: half of them differ between two tokens", () => {
    let differing = 0;
    const pairs = 2_000;
    for (let i = 0; i < pairs; i++) {
      const a = Buffer.from(newShareToken(), "base64url");
      const b = Buffer.from(newShareToken(), "base64url");
      for (let j = 0; j < a.length; j++) differing += (a[j]! ^ b[j]!).toString(2).replace(/0/g, "").length;
    }
    const ratio = differing / (pairs * SHARE_TOKEN_BYTES * 8);
    expect(ratio).toBeGreaterThan(0.49);
    expect(ratio).toBeLessThan(0.51);
  });

  it("recognises only the token shape", () => {
    expect(looksLikeShareToken(newShareToken())).toBe(true);
    for (const value of [
      "",
      "short",
      "abc.defghijklmnopqrstuvw",
      `${newShareToken()}x`,
      "a/b".padEnd(24, "c"),
    ]) {
      expect(looksLikeShareToken(value), value).toBe(false);
    }
  });
});
