import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LumaProvider } from "@/lib/luma";
import type { SimulatorServer } from "@/lib/simulator";
import { type SimAndDb, startSimAndDb } from "@/tests/support/sim-and-db";
import type { OpenDatabase } from "../db/open";
import { type TaskRow, tasks } from "../db/schema";
import { createWatcher } from "./core";

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("watcher against the simulator", () => {
  let env: SimAndDb;
  let database: OpenDatabase;
  let sim: SimulatorServer;
  let upstream: LumaProvider;

  beforeAll(async () => {
    env = await startSimAndDb("watcher", { database: true });
    database = env.database!;
    sim = env.sim;
    upstream = env.relay();
  });
  afterAll(() => env?.dispose());
  beforeEach(async () => {
    await database.db.delete(tasks);
    sim.simulator.setFaults({});
  });

  async function submit(prompt: string): Promise<string> {
    const snapshot = await upstream.submit({ prompt, aspectRatio: "1:1" });
    const id = `t_${snapshot.upstreamId.slice(0, 8)}`;
    await database.db.insert(tasks).values({
      id,
      provider: "relay",
      kind: "generate",
      prompt,
      state: "queued",
      upstreamId: snapshot.upstreamId,
      nextPollAt: new Date(0),
    });
    return id;
  }

  const rows = () => database.db.select().from(tasks);

  it("follows every task to completion and reports each finish once", async () => {
    const finished: string[] = [];
    const watcher = createWatcher({
      db: database.db,
      upstream,
      instanceId: "w1",
      onFinished: (task) => finished.push(task.id),
    });
    const ids = [await submit("a slow river"), await submit("neon city rain"), await submit("forest fog")];
    await until(async () => {
      await database.db
        .update(tasks)
        .set({ nextPollAt: new Date(0) })
        .where(inArray(tasks.state, ["queued", "running"]));
      await watcher.pollOnce();
      return (await rows()).every((row) => row.state === "completed");
    });
    const all = await rows();
    expect(all.every((row) => row.videoUrl?.startsWith("http"))).toBe(true);
    expect(all.every((row) => row.leaseOwner === null && row.nextPollAt === null)).toBe(true);
    expect(finished.sort()).toEqual(ids.sort());
    // One batch request per pass, not one request per task.
    const state = sim.simulator.state();
    expect(state.counters.routes["relay.batch"] ?? 0).toBeGreaterThan(0);
    expect(state.counters.routes["relay.get"] ?? 0).toBe(0);
  });

  it("never fails a task because a poll failed, and backs off", async () => {
    const errors: string[] = [];
    const watcher = createWatcher({
      db: database.db,
      upstream,
      instanceId: "w1",
      onPollError: (info) => errors.push(info.kind),
    });
    const id = await submit("storm over the sea");
    sim.simulator.setFaults({ rules: [{ kind: "http500", next: 3 }] });
    const before = Date.now();
    await watcher.pollOnce();
    const [row] = await database.db.select().from(tasks).where(eq(tasks.id, id));
    expect(errors).toEqual(["unavailable"]);
    expect(row).toMatchObject({ state: "queued", pollErrors: 1, leaseOwner: null });
    expect(row!.nextPollAt!.getTime()).toBeGreaterThan(before + 2_000);
  });

  it("honours retry-after from a 429", async () => {
    const watcher = createWatcher({ db: database.db, upstream, instanceId: "w1" });
    const id = await submit("desert wind");
    sim.simulator.setFaults({ rules: [{ kind: "http429", next: 1, retryAfter: 20 }] });
    const before = Date.now();
    await watcher.pollOnce();
    const [row] = await database.db.select().from(tasks).where(eq(tasks.id, id));
    expect(row!.nextPollAt!.getTime()).toBeGreaterThanOrEqual(before + 20_000);
  });

  it("counts the next poll from when a slow answer came back, so the upstream never sees two polls too close", async () => {
    // The shortest interval with the jitter pinned low is 1.2 s; an answer that takes 0.4 s must not eat into it.
    const slowMs = 400;
    const slow: LumaProvider = {
      ...upstream,
      getEach: async (ids, call) => {
        const answer = await upstream.getEach(ids, call);
        await new Promise((resolve) => setTimeout(resolve, slowMs));
        return answer;
      },
    };
    const watcher = createWatcher({ db: database.db, upstream: slow, instanceId: "w1", random: () => 0 });
    const id = await submit("slow answer lantern");
    await watcher.pollOnce();
    const answeredBy = Date.now();
    const [row] = await database.db.select().from(tasks).where(eq(tasks.id, id));
    expect(row!.state).not.toBe("completed");
    const sent = sim.simulator
      .state()
      .log.filter((entry) => entry.route === "relay.batch")
      .at(-1)!;
    expect(row!.nextPollAt!.getTime() - new Date(sent.at).getTime()).toBeGreaterThanOrEqual(
      1_200 + slowMs - 50,
    );
    expect(row!.nextPollAt!.getTime()).toBeLessThanOrEqual(answeredBy + 1_200);
  });

  it("leases each due task to one watcher at a time", async () => {
    const a = createWatcher({ db: database.db, upstream, instanceId: "wa" });
    const b = createWatcher({ db: database.db, upstream, instanceId: "wb" });
    for (const prompt of ["one", "two", "three", "four", "five", "six"]) await submit(`${prompt} candle`);
    const seen = sim.simulator.state().log.length;
    const [polledA, polledB] = await Promise.all([a.pollOnce(), b.pollOnce()]);
    expect(polledA + polledB).toBe(6);
    const asked = sim.simulator
      .state()
      .log.slice(seen)
      .filter((entry) => entry.route === "relay.batch")
      .flatMap((entry) => entry.taskIds);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it("flags a task with no progress for too long as stalled, still polling it", async () => {
    const watcher = createWatcher({
      db: database.db,
      upstream,
      instanceId: "w1",
      settings: { stallAfterMs: 0 },
    });
    sim.simulator.setFaults({ rules: [{ kind: "http500", rate: 1, route: "relay.batch" }] });
    const id = await submit("frozen clock");
    // A clock a second on: the row's creation time comes from the database in microseconds, so "now"
    // read in milliseconds could otherwise fall at or before it.
    await watcher.pollOnce(new Date(Date.now() + 1_000));
    const [row] = await database.db.select().from(tasks).where(eq(tasks.id, id));
    expect(row).toMatchObject({ stalled: true, state: "queued" });
    expect(row!.nextPollAt).not.toBeNull();
  });

  it("fails a task whose submit never got an upstream id, with the reason", async () => {
    const watcher = createWatcher({
      db: database.db,
      upstream,
      instanceId: "w1",
      settings: { lostSubmitMs: 0 },
    });
    await database.db.insert(tasks).values({
      id: "t_lost",
      provider: "relay",
      kind: "generate",
      prompt: "cut off",
      state: "submitting",
      createdAt: new Date(Date.now() - 1000),
    });
    await watcher.pollOnce();
    const [row] = (await rows()) as TaskRow[];
    expect(row).toMatchObject({ state: "failed", errorCode: "submit_interrupted" });
  });

  const relayRequests = () =>
    Object.entries(sim.simulator.state().counters.routes)
      .filter(([route]) => route.startsWith("relay."))
      .reduce((sum, [, count]) => sum + count, 0);

  it("knows when the soonest running task is due, and a task leased elsewhere not before its lease ends", async () => {
    const watcher = createWatcher({ db: database.db, upstream, instanceId: "w1" });
    expect(await watcher.nextDueAt(), "nothing running").toBeNull();
    const [early, late, leased] = [
      await submit("dew on a web"),
      await submit("moss on a stone"),
      await submit("rain on a roof"),
    ];
    const base = Date.now() + 60_000;
    await database.db
      .update(tasks)
      .set({ nextPollAt: new Date(base + 5_000) })
      .where(eq(tasks.id, early));
    await database.db
      .update(tasks)
      .set({ nextPollAt: new Date(base + 9_000) })
      .where(eq(tasks.id, late));
    await database.db
      .update(tasks)
      .set({ nextPollAt: new Date(base), leaseOwner: "w_other", leaseExpiresAt: new Date(base + 7_000) })
      .where(eq(tasks.id, leased));
    expect((await watcher.nextDueAt())?.getTime()).toBe(base + 5_000);
    await database.db.update(tasks).set({ state: "completed" }).where(eq(tasks.id, early));
    expect((await watcher.nextDueAt())?.getTime(), "the leased one, when its lease ends").toBe(base + 7_000);
  });

  it("'check now' asks about that one task only, not the whole due batch", async () => {
    const watcher = createWatcher({ db: database.db, upstream, instanceId: "w1" });
    const asked = await submit("checked lantern");
    const other = await submit("unchecked lantern");
    const seen = sim.simulator.state().log.length;
    expect(await watcher.checkNow(asked)).toBe(true);
    const ids = sim.simulator
      .state()
      .log.slice(seen)
      .flatMap((entry) => entry.taskIds);
    const byId = new Map((await rows()).map((row) => [row.id, row]));
    expect(ids).toEqual([byId.get(asked)!.upstreamId]);
    expect(byId.get(asked)).toMatchObject({ pollAttempts: 1, leaseOwner: null });
    expect(byId.get(other)).toMatchObject({ pollAttempts: 0, nextPollAt: new Date(0) });
  });

  it("'check now' leaves a task another instance is polling alone, and does not take its lease", async () => {
    const watcher = createWatcher({ db: database.db, upstream, instanceId: "w1" });
    const id = await submit("busy lantern");
    const held = new Date(Date.now() + 30_000);
    await database.db.update(tasks).set({ leaseOwner: "w_other", leaseExpiresAt: held });
    const before = relayRequests();
    expect(await watcher.checkNow(id)).toBe(false);
    expect(relayRequests()).toBe(before);
    const [row] = await rows();
    expect(row).toMatchObject({ leaseOwner: "w_other", leaseExpiresAt: held, pollAttempts: 0 });
  });
});
