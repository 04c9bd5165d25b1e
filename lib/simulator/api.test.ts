import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSimulator } from "./simulator";
import { dataUrl, startSim, type TestSim, TOKEN, testImage, text, until } from "./test-kit";

let sim: TestSim;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim?.dispose());

describe.sequential("relay API", () => {
  it("refuses a missing or wrong bearer token with 401 {detail}", async () => {
    for (const token of [null, "wrong"]) {
      for (const path of ["/luma/generations/x", "/dream-machine/v1/credits", "/_sim/state"]) {
        const response = await sim.call(path, { token });
        expect(response.status).toBe(401);
        expect(await response.json()).toEqual({ detail: "Invalid or missing bearer token" });
      }
    }
  });

  it("validates like a relay: 400 with a detail naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, "user_prompt is required"],
      [{ user_prompt: "   " }, "user_prompt is required"],
      [{ user_prompt: "x".repeat(5001) }, "user_prompt is too long, maximum length is 5000 characters"],
      [{ user_prompt: "cat", aspect_ratio: "2:1" }, "aspect_ratio must be one of"],
      [{ user_prompt: "cat", model_name: "ray-v9" }, "model_name must be one of"],
      [{ user_prompt: "cat", resolution: "4k" }, "resolution must be one of"],
      [{ user_prompt: "cat", duration: "7s" }, "duration must be one of"],
      [
        { user_prompt: "cat", image_url: "data:image/png;base64,bm90IGFuIGltYWdl" },
        "image_url: not a readable image",
      ],
      [
        { user_prompt: "cat", image_end_url: "http://127.0.0.1:9/nope.png" },
        "image_end_url: could not fetch image",
      ],
      [{ user_prompt: "cat", image_url: "ftp://example.com/a.png" }, "image_url: must be an http(s) URL"],
      [{ user_prompt: "cat", notify_hook: "not a url" }, "notify_hook must be an http(s) URL"],
    ];
    for (const [body, message] of cases) {
      const response = await sim.call("/luma/generations", { body });
      expect(response.status, message).toBe(400);
      expect(text(await response.json(), "detail")).toContain(message);
    }
    const broken = await fetch(`${sim.url}/luma/generations`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: "{nope",
    });
    expect(await broken.json()).toEqual({ detail: "Request body must be valid JSON" });
  });

  it("goes pending → processing → completed, with estimate_wait_seconds only while pending", async () => {
    const created = await sim.json("/luma/generations/", {
      body: { user_prompt: "cat dance", expand_prompt: "true" },
    });
    expect(created).toMatchObject({
      state: "pending",
      video: null,
      liked: null,
      batch_id: "",
      failure_reason: null,
    });
    expect(created.estimate_wait_seconds).toBeGreaterThanOrEqual(1);
    const id = text(created, "id");
    const early = await sim.call(`/luma/generations/${id}/download_video_url`);
    expect(early.status).toBe(400);
    expect(text(await early.json(), "detail")).toContain("not completed");
    const seen = new Set<string>();
    const done = await until(
      async () => {
        const task = await sim.json(`/luma/generations/${id}`);
        seen.add(String(task.state));
        return task;
      },
      (task) => task.state === "completed",
    );
    expect([...seen]).toEqual(expect.arrayContaining(["processing", "completed"]));
    expect(done.estimate_wait_seconds).toBeNull();
    expect(text(done, "video", "url")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/.+_watermarked\.mp4$/);
    expect(done.request).toMatchObject({ prompt: "cat dance", aspect_ratio: "16:9", expand_prompt: true });
    const { url } = (await sim.json(`/luma/generations/${id}/download_video_url`)) as { url: string };
    expect(url).toBe(text(done, "video_raw", "url"));
  });

  it("extend: 404 for an unknown parent, 400 for loop, and a new task id for a good one", async () => {
    const missing = await sim.call("/luma/generations/no-such-task/extend", {
      body: { user_prompt: "more" },
    });
    expect(missing.status).toBe(404);
    expect(text(await missing.json(), "detail")).toContain("task_id");
    const parent = await sim.json("/luma/generations", { body: { user_prompt: "a parent" } });
    await sim.waitFor(text(parent, "id"));
    const looped = await sim.call(`/luma/generations/${text(parent, "id")}/extend`, {
      body: { user_prompt: "more", loop: true },
    });
    expect(looped.status).toBe(400);
    expect(text(await looped.json(), "detail")).toBe("loop is not supported when extending a video");
    const child = await sim.json(`/luma/generations/${text(parent, "id")}/extend`, {
      body: { user_prompt: "more" },
    });
    expect(child.id).not.toBe(parent.id);
    expect(child.state).toBe("pending");
  });

  it("batch: POST /luma/tasks returns the known tasks of the given ids", async () => {
    const a = await sim.json("/luma/generations", { body: { user_prompt: "first" } });
    const b = await sim.json("/luma/generations", { body: { user_prompt: "second" } });
    const response = await sim.call("/luma/tasks", { body: { ids: [a.id, b.id, "unknown"] } });
    const list = (await response.json()) as { id: string }[];
    expect(list.map((t) => t.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("token usage: GET /api/usage/token answers the relay envelope, and each create or extend spends quota", async () => {
    const before = await sim.json("/api/usage/token");
    expect(before).toMatchObject({
      code: true,
      message: "ok",
      data: { object: "token_usage", total_granted: 1_000_000, unlimited_quota: false, expires_at: 0 },
    });
    const available = (body: Record<string, unknown>) =>
      (body.data as { total_available: number; total_used: number }).total_available;
    const start = available(before);
    const parent = await sim.json("/luma/generations", { body: { user_prompt: "quota", duration: "5s" } });
    const afterCreate = await sim.json("/api/usage/token");
    expect(available(afterCreate)).toBe(start - 5_000);
    await sim.waitFor(text(parent, "id"));
    await sim.json(`/luma/generations/${text(parent, "id")}/extend`, { body: { user_prompt: "more" } });
    const afterExtend = await sim.json("/api/usage/token");
    expect(available(afterExtend)).toBe(start - 10_000);
    expect((afterExtend.data as { total_used: number }).total_used).toBe(1_000_000 - available(afterExtend));
    // A refused create spends nothing.
    expect((await sim.call("/luma/generations", { body: {} })).status).toBe(400);
    expect(available(await sim.json("/api/usage/token"))).toBe(start - 10_000);
    expect((await sim.call("/api/usage/token", { token: "wrong" })).status).toBe(401);
  });

  it("accepts a keyframe as a data URL", async () => {
    const png = await testImage("testsrc", "320x240");
    const response = await sim.call("/luma/generations", {
      body: { user_prompt: "pattern", image_url: dataUrl(png) },
    });
    expect(response.status).toBe(200);
    const task = await sim.waitFor(text(await response.json(), "id"));
    expect(task.state).toBe("completed");
  });
});

describe.sequential("official API", () => {
  it("creates (201), gets, lists, extends via keyframes, deletes (204) and reports credits", async () => {
    const bad = await sim.call("/dream-machine/v1/generations", { body: { prompt: "hi" } });
    expect(bad.status).toBe(400);
    expect(text(await bad.json(), "detail")).toBe("Prompt is too short, minimum length is 3 characters");
    const response = await sim.call("/dream-machine/v1/generations", {
      body: { prompt: "a red kite", model: "ray-2" },
    });
    expect(response.status).toBe(201);
    const created = z.record(z.string(), z.unknown()).parse(await response.json());
    expect(created).toMatchObject({
      state: "queued",
      generation_type: "video",
      model: "ray-2",
      assets: null,
    });
    const id = text(created, "id");
    await sim.waitFor(id);
    const done = await sim.json(`/dream-machine/v1/generations/${id}`);
    expect(done.state).toBe("completed");
    expect(text(done, "assets", "video")).toContain(`/media/${id}/video.mp4`);
    const looped = await sim.call("/dream-machine/v1/generations/video", {
      body: { prompt: "loop it", loop: true, keyframes: { frame0: { type: "generation", id } } },
    });
    expect(text(await looped.json(), "detail")).toContain("Loop is not supported");
    const extended = await sim.json("/dream-machine/v1/generations/video", {
      body: { prompt: "keep going", keyframes: { frame0: { type: "generation", id } } },
    });
    const child = await sim.waitFor(text(extended, "id"));
    expect(child.state).toBe("completed");
    const list = await sim.json("/dream-machine/v1/generations?limit=1&offset=0");
    expect(list).toMatchObject({ limit: 1, offset: 0, has_more: true });
    expect((list.generations as unknown[]).length).toBe(1);
    const credits = await sim.json("/dream-machine/v1/credits");
    expect(credits.credit_balance).toBe(990);
    expect((await sim.call(`/dream-machine/v1/generations/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await sim.call(`/dream-machine/v1/generations/${id}`)).status).toBe(404);
  });
});

describe("bounded render queue", () => {
  it("keeps tasks beyond the concurrency limit pending while others process", async () => {
    const queued = await startSim({ concurrency: 1, processingMs: 1500 });
    try {
      const ids: string[] = [];
      for (const prompt of ["one", "two", "three"]) {
        ids.push(text(await queued.json("/luma/generations", { body: { user_prompt: prompt } }), "id"));
      }
      const states = await until(
        async () =>
          Promise.all(ids.map(async (id) => String((await queued.json(`/luma/generations/${id}`)).state))),
        (s) => s[0] === "processing",
      );
      expect(states).toEqual(["processing", "pending", "pending"]);
      const third = await queued.json(`/luma/generations/${ids[2]}`);
      expect(third.estimate_wait_seconds).toBeGreaterThanOrEqual(2);
      expect(queued.simulator.state().queue.running).toEqual([ids[0]]);
    } finally {
      await queued.dispose();
    }
  });
});

describe("mounted handler", () => {
  it("serves under a mount prefix with absolute media URLs from the request origin, or publicUrl", async () => {
    const mounted = createSimulator({
      dataDir: `${sim.dataDir}/mounted`,
      token: TOKEN,
      pendingMs: 10,
      processingMs: 10,
      renderScale: 0.125,
      durationScale: 0.2,
    });
    const request = (path: string, body?: unknown) =>
      new Request(`https://studio.example/api/simulator${path}`, {
        method: body ? "POST" : "GET",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
    try {
      const created = await (
        await mounted.handle(request("/luma/generations", { user_prompt: "mounted" }), "/api/simulator")
      ).json();
      const id = text(created, "id");
      const done = await until(
        async () => (await mounted.handle(request(`/luma/generations/${id}`), "/api/simulator")).json(),
        (task) => text(task, "state") === "completed",
      );
      expect(text(done, "video", "url")).toBe(
        `https://studio.example/api/simulator/media/${id}/video_watermarked.mp4`,
      );
      const media = await mounted.handle(request(`/media/${id}/thumbnail.jpg`), "/api/simulator");
      expect(media.headers.get("content-type")).toBe("image/jpeg");
      await media.body?.cancel();
    } finally {
      await mounted.close();
    }
    const publicSim = createSimulator({
      dataDir: `${sim.dataDir}/mounted`,
      token: TOKEN,
      publicUrl: "https://cdn.example/sim/",
    });
    try {
      const list = await (
        await publicSim.handle(request("/dream-machine/v1/generations"), "/api/simulator")
      ).json();
      expect(JSON.stringify(list)).toContain("https://cdn.example/sim/media/");
    } finally {
      await publicSim.close();
    }
  });

  it("shows, through the control endpoint, the keyframes a create delivered, byte for byte", async () => {
    const start = await testImage("testsrc");
    const end = await testImage("smptebars");
    const created = await sim.json("/luma/generations", {
      body: { user_prompt: "keyframe echo", image_url: dataUrl(start), image_end_url: dataUrl(end) },
    });
    const id = text(created, "id");
    const startEcho = await sim.call(`/_sim/tasks/${id}/keyframes/start`);
    expect(startEcho.status).toBe(200);
    expect(Buffer.from(await startEcho.arrayBuffer()).equals(start)).toBe(true);
    const endEcho = await sim.call(`/_sim/tasks/${id}/keyframes/end`);
    expect(Buffer.from(await endEcho.arrayBuffer()).equals(end)).toBe(true);
    expect((await sim.call(`/_sim/tasks/${id}/keyframes/start`, { token: null })).status).toBe(401);
    const plain = await sim.json("/luma/generations", { body: { user_prompt: "no frames" } });
    expect((await sim.call(`/_sim/tasks/${text(plain, "id")}/keyframes/start`)).status).toBe(404);
  });
});
