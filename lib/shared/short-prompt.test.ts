import { describe, expect, it } from "vitest";
import { shortPrompt } from "./short-prompt";

describe("shortPrompt", () => {
  it("keeps short prompts as they are", () => {
    expect(shortPrompt("  A kite over a beach ")).toBe("A kite over a beach");
  });

  it("cuts long prompts between words and says so", () => {
    const long =
      "A paper boat drifting down a rain-soaked street at dusk, reflections of neon signs in the puddles";
    const short = shortPrompt(long);
    expect(short).toBe("A paper boat drifting down a rain-soaked street at dusk, reflections of neon…");
    expect(short.length).toBeLessThanOrEqual(81);
  });

  it("cuts a prompt without spaces (Chinese) at the limit", () => {
    const chinese = "雨".repeat(100);
    expect(shortPrompt(chinese)).toBe(`${"雨".repeat(80)}…`);
  });
});
