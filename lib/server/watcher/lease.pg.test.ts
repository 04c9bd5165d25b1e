import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { LumaProvider } from "@/lib/luma";
import { snapshotOf } from "@/lib/luma/test-helpers";
import { assertLoopbackDatabaseUrl } from "@/tests/support/local-postgres";
import { type OpenDatabase, openDatabase } from "../db/open";
import { tasks } from "../db/schema";
import { createWatcher } from "./core";

/**
 * Two studio instances = two connection pools on one real Postgres. Each due task must be polled by
 * exactly one of them, and a crashed instance's lease must expire so the other takes over.
 */

const TASKS = 20;

function countingUpstream(polls: Map<string, number>, delayMs = 30): LumaProvider {
  const snapshot = (upstreamId: string) => snapshotOf({ upstreamId, rawState: "dreaming" });

  const fail = () => Promise.reject(new Error("not used"));
  return {
    kind: "relay",
    capabilities: {} as LumaProvider["capabilities"],
    submit: fail,
    extend: fail,
    edit: fail,
    get: fail,
    downloadUrl: fail,
    async getMany(ids) {
      return [...(await this.getEach(ids)).found.values()];
    },
    async getEach(ids) {
      for (const id of ids) polls.set(id, (polls.get(id) ?? 0) + 1);
      // Long enough that the two instances' passes overlap.
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return { found: new Map(ids.map((id) => [id, snapshot(id)])), failed: new Map() };
    },
  };
}

describe("task leases across two instances (real Postgres)", () => {
  const url = inject("postgresUrls").watcher;
  let a: OpenDatabase;
  let b: OpenDatabase;
  const polls = new Map<string, number>();

  beforeAll(async () => {
    assertLoopbackDatabaseUrl(url);
    [a, b] = await Promise.all([
      openDatabase({ kind: "postgres", url }),
      openDatabase({ kind: "postgres", url }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });
  beforeEach(async () => {
    polls.clear();
    await a.db.delete(tasks);
    const created = new Date(Date.now() - 10_000);
    await a.db.insert(tasks).values(
      Array.from({ length: TASKS }, (_, i) => ({
        id: `lease_${i}`,
        provider: "relay",
        kind: "generate" as const,
        prompt: `lease ${i}`,
        state: "running" as const,
        upstreamId: `up_${i}`,
        createdAt: created,
        nextPollAt: new Date(0),
      })),
    );
  });

  const watchers = () => [
    createWatcher({
      db: a.db,
      upstream: countingUpstream(polls),
      instanceId: "A",
      settings: { batchSize: 7 },
    }),
    createWatcher({
      db: b.db,
      upstream: countingUpstream(polls),
      instanceId: "B",
      settings: { batchSize: 7 },
    }),
  ];

  it("polls each due task exactly once per round, whichever instance gets it", async () => {
    const [first, second] = watchers();
    let now = Date.now();
    for (let round = 1; round <= 3; round++) {
      // Both instances tick at the same moment, several times, as their timers would.
      const counts = await Promise.all([
        first!.pollOnce(new Date(now)),
        second!.pollOnce(new Date(now)),
        first!.pollOnce(new Date(now)),
        second!.pollOnce(new Date(now)),
        first!.pollOnce(new Date(now)),
        second!.pollOnce(new Date(now)),
      ]);
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(TASKS);
      expect([...polls.values()].every((count) => count === round)).toBe(true);
      expect(polls.size).toBe(TASKS);
      // Past the longest poll interval, every task is due again.
      now += 61_000;
    }
    const leased = await a.db.select({ owner: tasks.leaseOwner }).from(tasks);
    expect(leased.every((row) => row.owner === null)).toBe(true);
  });

  it("lets another instance take over a crashed instance's leases once they expire", async () => {
    const now = Date.now();
    // What an instance killed mid-poll leaves behind: every task leased to it for 30 s.
    await a.db.update(tasks).set({ leaseOwner: "crashed", leaseExpiresAt: new Date(now + 30_000) });
    const [survivor] = watchers();
    expect(await survivor!.pollOnce(new Date(now + 1_000))).toBe(0);
    expect(polls.size).toBe(0);
    expect(await survivor!.pollOnce(new Date(now + 31_000))).toBe(7);
    expect(await survivor!.pollOnce(new Date(now + 31_000))).toBe(7);
    expect(await survivor!.pollOnce(new Date(now + 31_000))).toBe(6);
    expect([...polls.values()].every((count) => count === 1)).toBe(true);
    expect(polls.size).toBe(TASKS);
  });
});
