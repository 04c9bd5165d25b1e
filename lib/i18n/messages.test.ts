import { describe, expect, it } from "vitest";
import enMain from "@/messages/en.json";
import enParts from "@/messages/parts/en.json";
import zhParts from "@/messages/parts/zh-CN.json";
import zhMain from "@/messages/zh-CN.json";
import { CLIENT_NAMESPACES, ON_DEMAND_NAMESPACES } from "./messages";

type Catalog = { [key: string]: string | Catalog };

// The main catalogs and their on-demand parts, checked as one.
const en = { ...enMain, ...enParts };
const zh = { ...zhMain, ...zhParts };

/** Every leaf as "Namespace.key" → message. */
function leaves(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, message] of leaves(value, path)) out.set(inner, message);
  }
  return out;
}

/** The ICU arguments ({name}, {count, plural, …}) and rich-text tags (<code>) a message uses. */
function slots(message: string): string[] {
  const names = [...message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((match) => `{${match[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((match) => `<${match[1]}>`);
  return [...new Set([...names, ...tags])].sort();
}

describe("message catalogs", () => {
  const english = leaves(en);
  const chinese = leaves(zh);

  it("have the same keys in English and Chinese, none of them empty", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of [...english, ...chinese]) expect(message.trim(), key).not.toBe("");
  });

  it("give each Chinese message the same placeholders and tags as its English one", () => {
    for (const [key, message] of english) expect(slots(chinese.get(key) ?? ""), key).toEqual(slots(message));
  });

  it("translate every Chinese message (no English sentence left behind)", () => {
    // Proper names and codes may stay Latin; a sentence of English words may not.
    const names = new Set(["Meta.title", "Header.official"]);
    const untranslated = [...chinese].filter(
      ([key, message]) =>
        !names.has(key) && !/[\u4e00-\u9fff]/.test(message) && /[a-z]{3,}\s+[a-z]{3,}/i.test(message),
    );
    expect(untranslated).toEqual([]);
  });

  it("send the browser only namespaces that exist", () => {
    for (const name of CLIENT_NAMESPACES) expect(Object.keys(enMain)).toContain(name);
    expect(Object.keys(enParts).sort()).toEqual([...ON_DEMAND_NAMESPACES].sort());
    // A namespace is sent with the first load or with its part, not both.
    expect(
      CLIENT_NAMESPACES.filter((name) => (ON_DEMAND_NAMESPACES as readonly string[]).includes(name)),
    ).toEqual([]);
  });
});
