import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LumaProvider } from "@/lib/luma";
import type { SimulatorServer } from "@/lib/simulator";
import type { FaultKind } from "@/lib/simulator/faults";
import { type SimAndDb, startSimAndDb } from "@/tests/support/sim-and-db";
import type { OpenDatabase } from "../db/open";
import { tasks } from "../db/schema";
import { createWatcher, type Watcher } from "./core";

/**
 * The watcher against a misbehaving upstream. Time is simulated: each tick calls pollOnce() with a
 * clock one second further on, so a minute of backoff takes milliseconds, while the simulator renders
 * in real time. The simulator's own request counters show when the upstream was asked.
 */

const TICK_MS = 1_000;

describe("watcher under upstream faults", () => {
  let env: SimAndDb;
  let database: OpenDatabase;
  let sim: SimulatorServer;
  let upstream: LumaProvider;

  beforeAll(async () => {
    env = await startSimAndDb("watcher-faults", { database: true });
    database = env.database!;
    sim = env.sim;
  });
  afterAll(() => env?.dispose());
  beforeEach(async () => {
    await database.db.delete(tasks);
    sim.simulator.setFaults({});
    // A fresh client each time: the relay client remembers whether batch queries work.
    upstream = env.relay();
  });

  async function submit(prompt: string): Promise<void> {
    const snapshot = await upstream.submit({ prompt, aspectRatio: "1:1" });
    await database.db.insert(tasks).values({
      id: `t_${snapshot.upstreamId.slice(0, 12)}`,
      provider: "relay",
      kind: "generate",
      prompt,
      state: "queued",
      upstreamId: snapshot.upstreamId,
      nextPollAt: new Date(0),
    });
  }

  /** Requests to the relay API (batch, and single gets when the client falls back to them). */
  const batchRequests = () =>
    Object.entries(sim.simulator.state().counters.routes)
      .filter(([route]) => route.startsWith("relay."))
      .reduce((sum, [, count]) => sum + count, 0);
  const states = async () => (await database.db.select().from(tasks)).map((row) => row.state);

  /** Ticks simulated time for `seconds`; returns the simulated seconds at which the upstream was asked. */
  async function run(watcher: Watcher, clock: { now: number }, seconds: number): Promise<number[]> {
    const start = clock.now;
    const asked: number[] = [];
    while (clock.now - start < seconds * 1000) {
      const before = batchRequests();
      await watcher.pollOnce(new Date(clock.now));
      if (batchRequests() > before) asked.push((clock.now - start) / 1000);
      clock.now += TICK_MS;
    }
    return asked;
  }

  async function finishAll(watcher: Watcher, clock: { now: number }): Promise<void> {
    const deadline = Date.now() + 30_000;
    while ((await states()).some((state) => state !== "completed")) {
      if (Date.now() > deadline) throw new Error(`tasks did not finish: ${(await states()).join(", ")}`);
      await run(watcher, clock, 5);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const cases: { kind: FaultKind; what: string }[] = [
    { kind: "http500", what: "500 answers" },
    { kind: "http502", what: "an nginx HTML error page (502)" },
    { kind: "malformedJson", what: "a malformed JSON body" },
    { kind: "hang", what: "a request that never answers" },
  ];

  for (const { kind, what } of cases) {
    it(`backs off exponentially through ${what}, fails nothing, and finishes once the fault stops`, async () => {
      // A short lease makes a hung request time out after a second instead of 25.
      const watcher = createWatcher({
        db: database.db,
        upstream,
        instanceId: "w1",
        settings: { leaseMs: 6_000 },
        // The middle of the jitter range, so the schedule is exact.
        random: () => 0.5,
      });
      await submit(`${kind} lighthouse`);
      await submit(`${kind} harbour`);
      sim.simulator.setFaults({ rules: [{ kind, rate: 1, route: "relay" }] });
      const clock = { now: Date.now() };

      const asked = await run(watcher, clock, 60);
      // Both tasks share one batch request per poll; 60 one-second ticks ask only 5 times: 0, 3, 9, 21, 45 s.
      expect(asked).toEqual([0, 3, 9, 21, 45]);
      expect(await states()).toEqual(["queued", "queued"]);
      const rows = await database.db.select().from(tasks);
      expect(rows.every((row) => row.pollErrors === 5 && row.failureReason === null)).toBe(true);

      sim.simulator.setFaults({});
      await finishAll(watcher, clock);
      expect(await states()).toEqual(["completed", "completed"]);
      const after = await database.db.select().from(tasks);
      expect(after.every((row) => row.pollErrors === 0 && row.videoUrl)).toBe(true);
    });
  }

  it("honours 429 retry-after over its own shorter backoff, then finishes", async () => {
    // The bottom of the jitter range: retry-after itself, and the backoff at 80% of its base.
    const watcher = createWatcher({ db: database.db, upstream, instanceId: "w1", random: () => 0 });
    await submit("rate limited desert");
    sim.simulator.setFaults({ rules: [{ kind: "http429", rate: 1, route: "relay", retryAfter: 20 }] });
    const clock = { now: Date.now() };
    const asked = await run(watcher, clock, 90);
    expect(asked).toEqual([0, 20, 40, 60, 80]);
    expect(await states()).toEqual(["queued"]);
    sim.simulator.setFaults({});
    await finishAll(watcher, clock);
    expect(await states()).toEqual(["completed"]);
  });
});
