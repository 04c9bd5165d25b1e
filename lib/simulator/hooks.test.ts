import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { field, type Receiver, startReceiver, startSim, type TestSim, text, until } from "./test-kit";

let sim: TestSim;
let receiver: Receiver;
beforeAll(async () => {
  sim = await startSim();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sim?.dispose();
  await receiver?.close();
});
beforeEach(async () => {
  receiver.received.length = 0;
  receiver.respond(200);
  await sim.call("/_sim/reset", { method: "POST" });
});

/** Creates a task with a hook, waits for it to end and for deliveries to settle; returns the states seen. */
async function hookStates(faults: Record<string, unknown>, path = "/luma/generations"): Promise<string[]> {
  await sim.call("/_sim/faults", { body: { hooks: faults } });
  const hookPath = `/hook/${Math.random().toString(36).slice(2)}`;
  const created = await sim.json(path, {
    body: { user_prompt: "hooked", notify_hook: `${receiver.url}${hookPath}` },
  });
  const id = text(created, "id");
  await sim.waitFor(id);
  // The task reads as finished a moment before its last delivery is queued: wait for that delivery to
  // be logged (sent or dropped), then for every attempt to end.
  await until(
    () =>
      sim.simulator.state().hooks.filter((h) => h.taskId === id && ["completed", "failed"].includes(h.state)),
    (finals) => finals.length > 0,
  );
  await sim.simulator.hooksIdle();
  return receiver.received.filter((r) => r.path === hookPath).map((r) => String(field(r.body, "state")));
}

describe.sequential("notify_hook / callback_url", () => {
  it("POSTs the task object on every state change", async () => {
    expect(await hookStates({})).toEqual(["processing", "completed"]);
    const body = receiver.received.at(-1)?.body;
    expect(text(body, "video", "url")).toContain("_watermarked.mp4");
  });

  it("repeats deliveries", async () => {
    expect(await hookStates({ repeat: 2 })).toEqual(["processing", "processing", "completed", "completed"]);
  });

  it("reorders deliveries: the terminal state arrives first", async () => {
    expect(await hookStates({ reorder: true })).toEqual(["completed", "processing"]);
  });

  it("drops deliveries by state or rate, and logs them as dropped", async () => {
    expect(await hookStates({ dropStates: ["processing"] })).toEqual(["completed"]);
    expect(sim.simulator.state().hooks.map((h) => [h.state, h.dropped])).toEqual([
      ["processing", true],
      ["completed", false],
    ]);
    expect(await hookStates({ dropRate: 1 })).toEqual([]);
  });

  it("retries a delivery that is not answered with 2xx", async () => {
    receiver.respond(500);
    await hookStates({ dropStates: ["processing"] });
    const completed = sim.simulator.state().hooks.find((h) => h.state === "completed");
    expect(completed).toMatchObject({ status: 500, attempts: 3 });
  });

  it("official callback_url receives the Generation shape", async () => {
    const created = await sim.json("/dream-machine/v1/generations", {
      body: { prompt: "official hook", callback_url: `${receiver.url}/official` },
    });
    await sim.waitFor(text(created, "id"));
    await sim.simulator.hooksIdle();
    const bodies = await until(
      () => receiver.received.filter((r) => r.path === "/official").map((r) => r.body),
      (list) => list.length >= 2,
    );
    expect(bodies.map((b) => field(b, "state"))).toEqual(["dreaming", "completed"]);
    expect(text(bodies[1], "assets", "video")).toContain("/video.mp4");
  });
});
