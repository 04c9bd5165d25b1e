import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dataUrl,
  grayFrame,
  meanDifference,
  probe,
  type Receiver,
  startReceiver,
  startSim,
  type TestSim,
  testImage,
  text,
} from "./test-kit";

/** Real sizes and durations: these clips are what a creator would download. */
let sim: TestSim;
/** Same real durations at a quarter of the size, for checks where pixels count less than frames. */
let small: TestSim;
let images: Receiver;
let startPng: Buffer;
let endPng: Buffer;

beforeAll(async () => {
  startPng = await testImage("testsrc");
  endPng = await testImage("smptebars");
  images = await startReceiver({ "/end.png": endPng });
  sim = await startSim({ renderScale: 1, durationScale: 1, fps: 24, preset: "veryfast", concurrency: 2 });
  small = await startSim({
    renderScale: 0.25,
    durationScale: 1,
    fps: 24,
    preset: "veryfast",
    concurrency: 1,
  });
});
afterAll(async () => {
  await sim?.dispose();
  await small?.dispose();
  await images?.close();
});

async function generate(body: Record<string, unknown>, on = sim) {
  const created = await on.json("/luma/generations", { body });
  const task = await on.waitFor(text(created, "id"), ["completed", "failed"], 120_000);
  expect(task.state, JSON.stringify(task.failure_reason)).toBe("completed");
  return task;
}

describe.sequential("rendered media", () => {
  const tasks: Record<string, Promise<Record<string, unknown>>> = {};
  beforeAll(() => {
    // Submitted together so the render queue works in parallel while the checks run in order.
    tasks.wide = generate({ user_prompt: "a lighthouse at dusk" });
    tasks.tall = generate({ user_prompt: "a lighthouse at dusk", aspect_ratio: "9:16" });
    tasks.full = generate({ user_prompt: "neon city rain", resolution: "1080p" });
    tasks.loop = generate({ user_prompt: "ocean waves", loop: true, aspect_ratio: "1:1" }, small);
    tasks.start = generate({ user_prompt: "zoom into the pattern", image_url: dataUrl(startPng) }, small);
    tasks.end = generate(
      { user_prompt: "arrive at the bars", image_end_url: `${images.url}/end.png` },
      small,
    );
  });

  it("renders 16:9 720p as H.264 yuv420p 1280×720, 5 s, faststart MP4", async () => {
    const task = await tasks.wide!;
    const info = await probe(text(task, "video_raw", "url"));
    expect(info).toMatchObject({ codec_name: "h264", pix_fmt: "yuv420p", width: 1280, height: 720 });
    expect(Math.abs(info.duration - 5)).toBeLessThan(0.2);
    expect(task.video).toMatchObject({ width: 1280, height: 720 });
    const ranged = await fetch(text(task, "video_raw", "url"), { headers: { range: "bytes=0-63" } });
    const head = Buffer.from(await ranged.arrayBuffer());
    // faststart puts the index (moov) before the media data (mdat).
    expect(head.indexOf("moov")).toBeGreaterThan(0);
  });

  it("renders 9:16 as 720×1280 and 1080p as 1920×1080", async () => {
    const tall = await probe(text(await tasks.tall!, "video_raw", "url"));
    expect([tall.width, tall.height]).toEqual([720, 1280]);
    const full = await probe(text(await tasks.full!, "video_raw", "url"));
    expect([full.width, full.height, full.codec_name]).toEqual([1920, 1080, "h264"]);
    expect(Math.abs(full.duration - 5)).toBeLessThan(0.2);
  });

  it("watermarks video.url while video_raw.url and download_video_url stay clean", async () => {
    const task = await tasks.wide!;
    const { url } = (await sim.json(`/luma/generations/${text(task, "id")}/download_video_url`)) as {
      url: string;
    };
    expect(url).toBe(text(task, "video_raw", "url"));
    const corner = "iw/4:ih/6:iw*3/4:ih*5/6";
    const marked = await grayFrame(text(task, "video", "url"), 0, corner);
    const clean = await grayFrame(url, 0, corner);
    expect(meanDifference(marked, clean)).toBeGreaterThan(10);
    const centre = "iw/2:ih/2:iw/4:ih/4";
    expect(
      meanDifference(await grayFrame(text(task, "video", "url"), 0, centre), await grayFrame(url, 0, centre)),
    ).toBeLessThan(2);
  });

  it("derives the scene from the prompt: same prompt, same look; another prompt, another look", async () => {
    const [wide, tall, full] = [await tasks.wide!, await tasks.tall!, await tasks.full!];
    const first = await grayFrame(text(wide, "video_raw", "url"), 0);
    expect(meanDifference(first, await grayFrame(text(tall, "video_raw", "url"), 0))).toBeLessThan(12);
    expect(meanDifference(first, await grayFrame(text(full, "video_raw", "url"), 0))).toBeGreaterThan(12);
    // The scene moves.
    expect(meanDifference(first, await grayFrame(text(wide, "video_raw", "url"), "last"))).toBeGreaterThan(5);
  });

  it("loop: the last frame equals the first", async () => {
    const url = text(await tasks.loop!, "video_raw", "url");
    const info = await probe(url);
    expect([info.width, info.height]).toEqual([180, 180]);
    expect(meanDifference(await grayFrame(url, 0), await grayFrame(url, "last"))).toBeLessThan(1.5);
    expect(meanDifference(await grayFrame(url, 0), await grayFrame(url, 60))).toBeGreaterThan(5);
  });

  it("start keyframe opens the clip; end keyframe (fetched over http) closes it", async () => {
    const start = text(await tasks.start!, "video_raw", "url");
    const wantedStart = await grayFrame(dataUrl(startPng), 0);
    expect(meanDifference(await grayFrame(start, 0), wantedStart)).toBeLessThan(4);
    expect(meanDifference(await grayFrame(start, "last"), wantedStart)).toBeGreaterThan(4);
    const end = text(await tasks.end!, "video_raw", "url");
    const wantedEnd = await grayFrame(`${images.url}/end.png`, 0);
    expect(meanDifference(await grayFrame(end, "last"), wantedEnd)).toBeLessThan(4);
    expect(meanDifference(await grayFrame(end, 0), wantedEnd)).toBeGreaterThan(4);
  });

  it("extend: parent video then a new segment from its last frame; duration grows by one segment", async () => {
    const parent = await tasks.wide!;
    const created = await sim.json(`/luma/generations/${text(parent, "id")}/extend`, {
      body: { user_prompt: "the light turns green" },
    });
    const child = await sim.waitFor(text(created, "id"), ["completed", "failed"], 120_000);
    expect(child.state).toBe("completed");
    const parentUrl = text(parent, "video_raw", "url");
    const childUrl = text(child, "video_raw", "url");
    const info = await probe(childUrl);
    expect(Math.abs(info.duration - 10)).toBeLessThan(0.2);
    expect([info.width, info.height]).toEqual([1280, 720]);
    expect(meanDifference(await grayFrame(parentUrl, 0), await grayFrame(childUrl, 0))).toBeLessThan(1.5);
    expect(meanDifference(await grayFrame(parentUrl, 60), await grayFrame(childUrl, 60))).toBeLessThan(1.5);
    // The new segment starts where the parent ended.
    expect(meanDifference(await grayFrame(parentUrl, "last"), await grayFrame(childUrl, 120))).toBeLessThan(
      3,
    );
  });

  it("official API: 9 s generation and thumbnail / last-frame JPEGs", async () => {
    const created = await small.json("/dream-machine/v1/generations/video", {
      body: { prompt: "a slow sunrise", duration: "9s", aspect_ratio: "4:3", resolution: "720p" },
    });
    const id = text(created, "id");
    expect(created.state).toBe("queued");
    await small.waitFor(id, ["completed"], 120_000);
    const generation = await small.json(`/dream-machine/v1/generations/${id}`);
    expect(generation.state).toBe("completed");
    const info = await probe(text(generation, "assets", "video"));
    expect([info.width, info.height]).toEqual([240, 180]);
    expect(Math.abs(info.duration - 9)).toBeLessThan(0.2);
    const thumb = await fetch(text(generation, "assets", "image"));
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    await thumb.body?.cancel();
    const relay = await small.json(`/luma/generations/${id}`);
    const last = await fetch(text(relay, "last_frame", "url"));
    expect(last.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await last.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });
});
