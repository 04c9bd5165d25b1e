import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenDatabase, openDatabase } from "../db/open";
import { rateEvents } from "../db/schema";
import { SharedCounters } from "./counters";

/** Rate limits counted in the database (PGlite here; counters.pg.test.ts runs two instances on Postgres). */
describe("shared rate-limit counters", () => {
  let dir: string;
  let open: OpenDatabase;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-counters-"));
    open = await openDatabase({ kind: "pglite", dataDir: dir });
  });
  afterAll(async () => {
    await open.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("two instances on one database share the limit: N instances are not N× the limit", async () => {
    const a = new SharedCounters(async () => open.db);
    const b = new SharedCounters(async () => open.db);
    const t = 1_800_000_000_000;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take("shared", 10, 60_000, t)),
    );
    expect(results.filter((result) => result.wait === 0)).toHaveLength(10);
    // The first slot frees 60 s after it was taken.
    expect(Math.max(...results.map((result) => result.wait))).toBe(60);
  });

  it("a refused take records nothing, and a refund gives the slot back", async () => {
    const counters = new SharedCounters(async () => open.db);
    const t = 1_800_000_600_000;
    const first = await counters.take("refund", 1, 60_000, t);
    expect(first.wait).toBe(0);
    for (let i = 0; i < 5; i += 1) {
      expect((await counters.take("refund", 1, 60_000, t + 1)).wait).toBeGreaterThan(0);
    }
    await counters.refund(first.id);
    expect((await counters.take("refund", 1, 60_000, t + 2)).wait).toBe(0);
  });

  it("the window slides exactly: never more than the limit in any 60 s", async () => {
    const counters = new SharedCounters(async () => open.db);
    const t = 1_800_001_200_000;
    for (let i = 0; i < 10; i += 1) {
      expect((await counters.take("slide", 10, 60_000, t + 59_000 + i)).wait).toBe(0);
    }
    // Across a minute boundary, as at the end of any fixed window, nothing more until the first leaves.
    expect((await counters.take("slide", 10, 60_000, t + 61_000)).wait).toBe(58);
    expect((await counters.take("slide", 10, 60_000, t + 119_000)).wait).toBe(0);
    expect((await counters.take("slide", 10, 60_000, t + 119_000)).wait).toBe(1);
  });

  it("expired events are pruned, so many distinct clients do not pile up in the table", async () => {
    const counters = new SharedCounters(async () => open.db);
    const t = 1_800_002_000_000;
    await open.db.insert(rateEvents).values(
      Array.from({ length: 5_000 }, (_, i) => ({
        id: `old-${i}`,
        key: `client:${i}`,
        at: t - 600_000,
        expiresAt: t - 540_000,
      })),
    );
    await counters.take("after", 1, 60_000, t);
    const left = await open.db.select({ key: rateEvents.key }).from(rateEvents);
    expect(left.some((row) => row.key.startsWith("client:"))).toBe(false);
  });
});
