import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultsInput } from "./faults";
import { startSim, type TestSim, text } from "./test-kit";
import { FAILURE_REASONS } from "./types";

let sim: TestSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim?.dispose());
beforeEach(async () => {
  await sim.call("/_sim/reset", { method: "POST" });
});

/** Faults are switched through the control endpoint, as a test or benchmark would. */
async function setFaults(faults: FaultsInput) {
  const response = await sim.call("/_sim/faults", { body: faults });
  expect(response.status).toBe(200);
}

const create = () => sim.call("/luma/generations", { body: { user_prompt: "a quiet harbour" } });

describe.sequential("faults", () => {
  it("failure rate: tasks fail with a real failure_reason", async () => {
    await setFaults({ failureRate: 1 });
    const task = await sim.waitFor(text(await (await create()).json(), "id"));
    expect(task.state).toBe("failed");
    expect(FAILURE_REASONS).toContain(task.failure_reason);
    expect(task.video).toBeNull();
  });

  it("blocked words: failed with 'Contains blacklisted words'", async () => {
    await setFaults({ blockedWords: ["Harbour"] });
    const task = await sim.waitFor(text(await (await create()).json(), "id"));
    expect(task).toMatchObject({ state: "failed", failure_reason: "Contains blacklisted words" });
  });

  it("HTTP 500, 502 with an HTML page, 429 with retry-after, error body with HTTP 200", async () => {
    await setFaults({
      rules: [
        { kind: "http500", next: 1 },
        { kind: "http502", next: 1 },
        { kind: "http429", next: 1, retryAfter: 7 },
        { kind: "error200", next: 1 },
      ],
    });
    const r500 = await create();
    expect(r500.status).toBe(500);
    expect(await r500.json()).toEqual({ detail: "Internal Server Error" });
    const r502 = await create();
    expect([r502.status, r502.headers.get("content-type")]).toEqual([502, "text/html"]);
    expect(await r502.text()).toContain("<h1>502 Bad Gateway</h1>");
    const r429 = await create();
    expect([r429.status, r429.headers.get("retry-after")]).toEqual([429, "7"]);
    const r200 = await create();
    expect(r200.status).toBe(200);
    expect(await r200.json()).toEqual({
      code: 500,
      message: "upstream service busy, please try again",
      data: null,
    });
    expect((await create()).status).toBe(200);
    // Only the last request reached the engine.
    expect(sim.simulator.state().log.map((e) => e.fault)).toEqual([
      "http500",
      "http502",
      "http429",
      "error200",
      null,
    ]);
  });

  it("malformed JSON, optionally after the task was really created", async () => {
    const before = sim.simulator.state().tasks.length;
    await setFaults({ rules: [{ kind: "malformedJson", next: 1, after: true }] });
    const response = await create();
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(() => JSON.parse(body)).toThrow();
    expect(body).toContain('"id"');
    expect(sim.simulator.state().tasks.length).toBe(before + 1);
  });

  it("hung response: no answer until the client gives up", async () => {
    await setFaults({ rules: [{ kind: "hang", next: 1, route: "relay.get" }] });
    const started = Date.now();
    await expect(sim.call("/luma/generations/any", { signal: AbortSignal.timeout(400) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    expect(sim.simulator.state().counters.routes["relay.get"]).toBe(1);
    // The budget was one request: the next one is answered.
    expect((await sim.call("/luma/generations/any")).status).toBe(404);
  });

  it("a rule can be limited to a route and fire at a rate", async () => {
    await setFaults({ rules: [{ kind: "http500", rate: 1, route: "relay.batch" }] });
    expect((await sim.call("/luma/tasks", { body: { ids: [] } })).status).toBe(500);
    expect((await create()).status).toBe(200);
    await setFaults({ rules: [{ kind: "http500", rate: 0 }] });
    expect((await create()).status).toBe(200);
  });

  it("answer shapes: flat, wrapped {code, message, data}, one-element array", async () => {
    const id = text(await (await create()).json(), "id");
    await setFaults({ shape: "wrapped" });
    expect(await sim.json(`/luma/generations/${id}`)).toMatchObject({
      code: "success",
      message: "",
      data: { id },
    });
    await setFaults({ shape: "array" });
    const array = (await (await sim.call(`/luma/generations/${id}`)).json()) as { id: string }[];
    expect(array).toHaveLength(1);
    expect(array[0]?.id).toBe(id);
  });

  it("state vocabularies: official (queued/dreaming) and the uppercase batch wrapper", async () => {
    await setFaults({ states: "official" });
    const id = text(await (await create()).json(), "id");
    expect((await sim.json(`/luma/generations/${id}`)).state).toBe("queued");
    await sim.waitFor(id, ["completed"]);
    await setFaults({ states: "wrapper" });
    const batch = await sim.json("/luma/tasks", { body: { ids: [id] } });
    expect(batch).toMatchObject({
      code: "success",
      data: [{ task_id: id, status: "SUCCESS", data: { id } }],
    });
    const single = await sim.json(`/luma/generations/${id}`);
    expect(single).toMatchObject({
      code: "success",
      data: { task_id: id, status: "SUCCESS", fail_reason: "" },
    });
    const pending = text(await (await create()).json(), "data", "task_id");
    expect(text(await sim.json(`/luma/generations/${pending}`), "data", "status")).toBe("NOT_START");
  });

  it("completed before the URL appears", async () => {
    await setFaults({ urlDelayMs: 1500 });
    const id = text(await (await create()).json(), "id");
    const early = await sim.waitFor(id, ["completed"]);
    expect(early.video).toBeNull();
    expect(early.video_raw).toBeNull();
    expect((await sim.call(`/luma/generations/${id}/download_video_url`)).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(text(await sim.json(`/luma/generations/${id}`), "video", "url")).toContain(id);
  });

  it("batch endpoint absent: 404 with an HTML page", async () => {
    await setFaults({ batchAbsent: true });
    const response = await sim.call("/luma/tasks", { body: { ids: [] } });
    expect([response.status, response.headers.get("content-type")]).toEqual([404, "text/html"]);
    expect(await response.text()).toContain("<title>404 Not Found</title>");
  });

  it("control endpoint: counters per route and task, a log without credentials, merge and reset", async () => {
    const id = text(await (await create()).json(), "id");
    await sim.call(`/luma/generations/${id}`);
    await sim.call(`/luma/generations/${id}`);
    const state = await sim.json("/_sim/state");
    expect(state).toMatchObject({
      counters: { routes: { "relay.create": 1, "relay.get": 2 }, tasks: { [id]: 3 } },
    });
    expect(JSON.stringify(state.log)).not.toContain("test-token");
    expect(JSON.stringify(state.log)).toContain("user-agent");
    await sim.call("/_sim/faults?merge=1", { body: { failureRate: 0.5 } });
    await sim.call("/_sim/faults?merge=1", { body: { shape: "array" } });
    expect(await sim.json("/_sim/faults")).toMatchObject({ failureRate: 0.5, shape: "array" });
    const invalid = await sim.call("/_sim/faults", { body: { failureRate: 3 } });
    expect(invalid.status).toBe(400);
    await sim.call("/_sim/reset", { method: "POST" });
    expect(await sim.json("/_sim/state")).toMatchObject({
      counters: { total: 0 },
      log: [],
      faults: { failureRate: 0 },
    });
  });
});

describe("faults from options", () => {
  it("applies initial faults and an injected random source", async () => {
    const seeded = await startSim({ faults: { rules: [{ kind: "http500", rate: 0.5 }] }, random: () => 0.4 });
    try {
      expect((await seeded.call("/luma/generations/x")).status).toBe(500);
    } finally {
      await seeded.dispose();
    }
  });
});
