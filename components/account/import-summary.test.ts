import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translate";
import en from "@/messages/en.json";
import enParts from "@/messages/parts/en.json";
import zhParts from "@/messages/parts/zh-CN.json";
import zh from "@/messages/zh-CN.json";
import { importSummary } from "./import-summary";

const t = translatorFor("en", { ...en, ...enParts });
const zhT = translatorFor("zh-CN", { ...zh, ...zhParts });

describe("importSummary", () => {
  it("says what came in, and only the counts that are not zero", () => {
    expect(importSummary({ imported: 3, alreadyHere: 0, skipped: 0, complete: true }, t, "en")).toBe(
      "Imported 3 clips from your Luma account.",
    );
    expect(importSummary({ imported: 1, alreadyHere: 2, skipped: 1, complete: true }, t, "en")).toBe(
      "Imported 1 clip from your Luma account. 2 were already here. 1 was left out because it failed or is still rendering.",
    );
  });

  it("a second run: nothing new, and an account with more to bring", () => {
    expect(importSummary({ imported: 0, alreadyHere: 5, skipped: 0, complete: true }, t, "en")).toBe(
      "There were no new clips to import. 5 were already here.",
    );
    expect(importSummary({ imported: 2000, alreadyHere: 0, skipped: 0, complete: false }, t, "en")).toBe(
      "Imported 2,000 clips from your Luma account. Your account has more: import again to bring in the rest.",
    );
  });

  it("in Chinese, sentences run on without spaces", () => {
    expect(importSummary({ imported: 2, alreadyHere: 1, skipped: 0, complete: true }, zhT, "zh-CN")).toBe(
      "已从你的 Luma 账户导入 2 个片段。1 个已在这里。",
    );
  });
});
