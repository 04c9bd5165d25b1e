import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataUrl, startSim, type TestSim, testImage, text, until } from "./test-kit";

/** The official API's derived generations over plain HTTP: validation texts, and what survives a restart. */

const V1 = "/dream-machine/v1";

async function official(on: TestSim, id: string) {
  const done = await until(
    () => on.json(`${V1}/generations/${id}`),
    (g) => g.state === "failed" || (g.state === "completed" && g.assets !== null),
    60_000,
  );
  expect(done.state, JSON.stringify(done.failure_reason)).toBe("completed");
  return done;
}

describe.sequential("derived generations: validation", () => {
  let sim: TestSim;
  let source: Record<string, unknown>;
  let image: Record<string, unknown>;

  beforeAll(async () => {
    sim = await startSim();
    const created = await sim.json(`${V1}/generations/video`, { body: { prompt: "a quiet harbour" } });
    const still = await sim.json(`${V1}/generations/image`, {
      body: { model: "photon-1", prompt: "a quiet harbour" },
    });
    source = await official(sim, text(created, "id"));
    image = await official(sim, text(still, "id"));
  });
  afterAll(() => sim?.dispose());

  it("answers 400 {detail} naming the field, 404 for an unknown source generation", async () => {
    const id = text(source, "id");
    const videoUrl = text(source, "assets", "video");
    const imageUrl = text(image, "assets", "image");
    const notImage = "data:image/png;base64,bm90IGFuIGltYWdl";
    const cases: [string, Record<string, unknown>, number, string][] = [
      [`/generations/${id}/upscale`, {}, 400, "resolution must be one of"],
      [`/generations/${id}/upscale`, { resolution: "8k" }, 400, "resolution must be one of"],
      [
        `/generations/${id}/upscale`,
        { resolution: "4k", generation_type: "video" },
        400,
        'generation_type must be "upscale_video"',
      ],
      ["/generations/nope/upscale", { resolution: "4k" }, 404, "Generation not found"],
      [`/generations/${text(image, "id")}/upscale`, { resolution: "4k" }, 400, "is an image, not a video"],
      [`/generations/${text(image, "id")}/audio`, {}, 400, "is an image, not a video"],
      [`/generations/${id}/audio`, { prompt: "x".repeat(5001) }, 400, "prompt is too long"],
      [
        "/generations/video/modify",
        { media: { url: videoUrl }, mode: "flex_1", model: "ray-2" },
        400,
        'generation_type must be "modify_video"',
      ],
      [
        "/generations/video/modify",
        { generation_type: "modify_video", media: { url: videoUrl }, mode: "wild", model: "ray-2" },
        400,
        "mode must be one of",
      ],
      [
        "/generations/video/modify",
        { generation_type: "modify_video", mode: "flex_1", model: "ray-2" },
        400,
        "media must be {url}",
      ],
      [
        "/generations/video/modify",
        { generation_type: "modify_video", media: { url: imageUrl }, mode: "flex_1", model: "ray-2" },
        400,
        "media.url: not a readable video",
      ],
      [
        "/generations/video/modify",
        {
          generation_type: "modify_video",
          media: { url: "http://127.0.0.1:9/a.mp4" },
          mode: "flex_1",
          model: "ray-2",
        },
        400,
        "media.url: could not fetch video",
      ],
      [
        "/generations/video/reframe",
        { generation_type: "reframe_video", media: { url: videoUrl }, model: "ray-2" },
        400,
        "aspect_ratio must be one of",
      ],
      [
        "/generations/video/reframe",
        {
          generation_type: "reframe_video",
          media: { url: videoUrl },
          aspect_ratio: "1:1",
          model: "ray-2",
          x_start: 0,
        },
        400,
        "must be given together",
      ],
      [
        "/generations/video/reframe",
        {
          generation_type: "reframe_video",
          media: { url: videoUrl },
          aspect_ratio: "1:1",
          model: "ray-2",
          x_start: 5,
          x_end: 5,
          y_start: 0,
          y_end: 9,
        },
        400,
        "must be greater than",
      ],
      [
        "/generations/image/reframe",
        {
          generation_type: "reframe_image",
          media: { url: notImage },
          aspect_ratio: "1:1",
          model: "photon-1",
        },
        400,
        "media.url: not a readable image",
      ],
      [
        "/generations/image/reframe",
        { generation_type: "reframe_image", media: { url: imageUrl }, aspect_ratio: "1:1", model: "ray-2" },
        400,
        "model must be one of photon-1, photon-flash-1",
      ],
      [
        "/generations/image/reframe",
        {
          generation_type: "reframe_image",
          media: { url: imageUrl },
          aspect_ratio: "1:1",
          model: "photon-1",
          resized_width: 100,
          grid_position_x: 50,
        },
        400,
        "grid_position_x: the 100×57 source at 50 passes the edge of the 136×136 canvas",
      ],
      ["/generations/image", { model: "photon-1" }, 400, "Prompt is required"],
      ["/generations/image", { model: "photon-2", prompt: "a fox" }, 400, "model must be one of"],
      [
        "/generations/image",
        { model: "photon-1", prompt: "a fox", format: "gif" },
        400,
        "format must be one of jpg, png",
      ],
      [
        "/generations/image",
        { model: "photon-1", prompt: "a fox", image_ref: [{ url: notImage }] },
        400,
        "image_ref.0.url: not a readable image",
      ],
      [
        "/generations/image",
        { model: "photon-1", prompt: "a fox", style_ref: [{ url: imageUrl, weight: 2 }] },
        400,
        "style_ref.weight must be between 0 and 1",
      ],
      [
        "/generations/video",
        { prompt: "a fox", concepts: "pan_left" },
        400,
        "concepts must be an array of {key}",
      ],
      [
        "/generations/video",
        { prompt: "a fox", keyframes: { frame0: { type: "generation", id: text(image, "id") } } },
        400,
        `keyframes.frame0: generation ${text(image, "id")} is an image, not a video`,
      ],
      [
        "/generations/video",
        { prompt: "a fox", concepts: [{ key: "barrel_roll" }] },
        400,
        'unknown concept key "barrel_roll"',
      ],
    ];
    const before = (await sim.json(`${V1}/generations?limit=1000`)).count;
    for (const [route, body, status, message] of cases) {
      const response = await sim.call(`${V1}${route}`, { body });
      expect(response.status, `${route} ${message}`).toBe(status);
      expect(text(await response.json(), "detail"), route).toContain(message);
    }
    // A refused request leaves nothing behind.
    expect((await sim.json(`${V1}/generations?limit=1000`)).count).toBe(before);
  });

  it("modify_image_ref becomes the base of a Photon still; its references are fetched like keyframes", async () => {
    const bars = dataUrl(await testImage("smptebars"));
    const created = await sim.json(`${V1}/generations/image`, {
      body: {
        model: "photon-flash-1",
        prompt: "the same bars, warmer",
        aspect_ratio: "4:3",
        modify_image_ref: { url: bars, weight: 0.8 },
        image_ref: [{ url: text(image, "assets", "image"), weight: 0.5 }],
      },
    });
    expect(created).toMatchObject({ generation_type: "image", state: "queued", assets: null });
    const done = await official(sim, text(created, "id"));
    const file = await fetch(text(done, "assets", "image"));
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    await file.body?.cancel();
  });
});

describe("Photon sync mode", () => {
  it("answers with the still in progress once sync_timeout passes before it is done", async () => {
    const sim = await startSim({ processingMs: 5_000 });
    try {
      const began = Date.now();
      const answer = await sim.json(`${V1}/generations/image`, {
        body: { model: "photon-1", prompt: "a slow sunrise", sync: true, sync_timeout: 0.5 },
      });
      const waited = Date.now() - began;
      expect(answer).toMatchObject({ generation_type: "image", assets: null });
      expect(["queued", "dreaming"]).toContain(answer.state);
      expect(waited).toBeGreaterThanOrEqual(450);
      expect(waited).toBeLessThan(4_000);
      expect((await official(sim, text(answer, "id"))).state).toBe("completed");
    } finally {
      await sim.dispose();
    }
  });
});

describe("derived generations: their own media links", () => {
  it("are read from the simulator's folder with the link checked, not fetched; other URLs go through fetchKeyframe", async () => {
    const asked: string[] = [];
    const sim = await startSim({
      faults: { mediaTtlMs: 600_000 },
      fetchKeyframe: async (url) => {
        asked.push(url);
        throw new Error("refused by the test's guard");
      },
    });
    try {
      const made = await sim.json(`${V1}/generations/video`, { body: { prompt: "a windmill" } });
      const url = text(await official(sim, text(made, "id")), "assets", "video");
      expect(url).toContain("signature=");
      const body = (mediaUrl: string) => ({
        generation_type: "modify_video",
        media: { url: mediaUrl },
        mode: "flex_2",
        model: "ray-2",
      });
      const modified = await sim.json(`${V1}/generations/video/modify`, { body: body(url) });
      expect(modified.generation_type).toBe("modify_video");
      await official(sim, text(modified, "id"));

      const tampered = await sim.call(`${V1}/generations/video/modify`, {
        body: body(
          url.replace(/signature=[0-9a-f]/, (m) =>
            m.endsWith("0") ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`,
          ),
        ),
      });
      expect(tampered.status).toBe(400);
      expect(text(await tampered.json(), "detail")).toBe(
        "media.url: could not fetch video (HTTP 403: bad signature)",
      );
      const elsewhere = await sim.call(`${V1}/generations/video/modify`, {
        body: body("http://198.51.100.7/clip.mp4"),
      });
      expect(text(await elsewhere.json(), "detail")).toBe(
        "media.url: could not fetch video (refused by the test's guard)",
      );
      expect(asked).toEqual(["http://198.51.100.7/clip.mp4"]);
    } finally {
      await sim.dispose();
    }
  });
});

describe("derived generations: persistence", () => {
  it("an upscale queued before a restart completes after it, even once its source was deleted", async () => {
    const first = await startSim({ pendingMs: 50 });
    const dataDir = first.dataDir;
    try {
      const made = await first.json(`${V1}/generations/video`, { body: { prompt: "before the restart" } });
      const source = await official(first, text(made, "id"));
      await first.server.close();
      await first.simulator.close();

      const slow = await startSim({ dataDir, pendingMs: 60_000 });
      const up = await slow.json(`${V1}/generations/${text(source, "id")}/upscale`, {
        body: { generation_type: "upscale_video", resolution: "1080p" },
      });
      expect(up).toMatchObject({ generation_type: "upscale_video", state: "queued" });
      const removed = await slow.call(`${V1}/generations/${text(source, "id")}`, { method: "DELETE" });
      expect(removed.status).toBe(204);
      await slow.server.close();
      await slow.simulator.close();

      const second = await startSim({ dataDir, pendingMs: 50 });
      try {
        const done = await official(second, text(up, "id"));
        expect(done.generation_type).toBe("upscale_video");
        const video = await fetch(text(done, "assets", "video"));
        expect(video.headers.get("content-type")).toBe("video/mp4");
        await video.body?.cancel();
      } finally {
        await second.server.close();
        await second.simulator.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
