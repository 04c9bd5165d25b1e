import { describe, expect, it } from "vitest";
import { lazyStorage } from "./lazy";
import type { MediaStorage } from "./types";

const stored = { key: "a.png", size: 3, modifiedAt: new Date(0) };
const fake: MediaStorage = {
  put: async () => stored,
  stat: async () => stored,
  read: async () => null,
  delete: async () => {},
};

describe("lazy storage", () => {
  it("loads its implementation on first use, once, and again after a failed load", async () => {
    let loads = 0;
    const storage = lazyStorage(async () => {
      loads++;
      if (loads === 1) throw new Error("module failed to load");
      return fake;
    });
    expect(loads).toBe(0);
    await expect(storage.stat("a.png")).rejects.toThrow("module failed to load");
    expect(await storage.stat("a.png")).toEqual(stored);
    expect(await storage.put("a.png", new Uint8Array(3))).toEqual(stored);
    expect(await storage.read("a.png")).toBeNull();
    expect(loads).toBe(2);
  });
});
