import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ffprobeInstaller from "@ffprobe-installer/ffprobe";
import LumaAI, { APIError } from "lumaai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runFfmpeg } from "./ffmpeg";
import {
  grayFrame,
  meanDifference,
  probe,
  type Receiver,
  startReceiver,
  startSim,
  type TestSim,
  TOKEN,
  until,
} from "./test-kit";

/**
 * The official `lumaai` SDK against the simulator: every method the SDK has for the Dream Machine API
 * is called through the SDK itself (its paths, bodies and parsing), and each answer is checked the way
 * a caller would check it — the state reaches completed, the asset is there and is the media asked for.
 */

const run = promisify(execFile);

/**
 * A Generation as the SDK declares it (every field optional there). The simulator sends null where a
 * field has no value yet (`failure_reason`, `assets`), as the real API does; null is read as absent.
 * `generation_type` names the kind (the SDK's union lists only video and image; Luma answers more).
 */
const absent = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);
const generationSchema = z.object({
  id: z.string(),
  generation_type: z.enum([
    "video",
    "image",
    "upscale_video",
    "add_audio",
    "modify_video",
    "reframe_video",
    "reframe_image",
  ]),
  state: z.enum(["queued", "dreaming", "completed", "failed"]),
  failure_reason: absent(z.string()),
  created_at: z.string().refine((v) => Number.isFinite(Date.parse(v)), "created_at must be a date"),
  model: z.string(),
  assets: absent(
    z.object({
      video: absent(z.string().url()),
      image: absent(z.string().url()),
      progress_video: absent(z.string().url()),
    }),
  ),
  request: z.record(z.string(), z.unknown()),
});
type Parsed = z.output<typeof generationSchema>;

/** Compile-time half of the contract: what the schema accepts fits the SDK's Generation type. */
function asSdkGeneration(parsed: Parsed): Omit<LumaAI.Generation, "generation_type" | "request"> {
  const { generation_type: _type, request: _request, ...rest } = parsed;
  return rest;
}

function parse(answer: LumaAI.Generation): Parsed {
  const parsed = generationSchema.parse(answer);
  asSdkGeneration(parsed);
  return parsed;
}

let sim: TestSim;
let client: LumaAI;
let hooks: Receiver;

beforeAll(async () => {
  sim = await startSim({ renderScale: 0.25, durationScale: 0.2, fps: 12, concurrency: 2 });
  hooks = await startReceiver();
  client = new LumaAI({ authToken: TOKEN, baseURL: `${sim.url}/dream-machine/v1`, maxRetries: 0 });
});
afterAll(async () => {
  await sim?.dispose();
  await hooks?.close();
});

/** Polls through the SDK until the generation is done; it must have completed with its asset there. */
async function completed(id: string): Promise<Parsed> {
  const last = await until(
    async () => parse(await client.generations.get(id)),
    (g) => (g.state === "completed" && g.assets !== undefined) || g.state === "failed",
    90_000,
  );
  expect(last.state, last.failure_reason).toBe("completed");
  expect(last.assets).toBeDefined();
  return last;
}

/** The SDK's error for a refused call: status and the `{detail}` body. */
async function refusal(call: Promise<unknown>): Promise<{ status: number | undefined; detail: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(APIError);
  if (!(error instanceof APIError)) throw new Error("expected an APIError");
  return { status: error.status, detail: z.object({ detail: z.string() }).parse(error.error).detail };
}

function assetUrl(g: Parsed, kind: "video" | "image"): string {
  const url = g.assets?.[kind];
  if (!url) throw new Error(`generation ${g.id} has no ${kind} asset`);
  return url;
}

async function audioCodec(url: string): Promise<string | null> {
  const { stdout } = await run(ffprobeInstaller.path, [
    ...["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name", "-of", "json", url],
  ]);
  const streams = z
    .object({ streams: z.array(z.object({ codec_name: z.string() })) })
    .parse(JSON.parse(stdout));
  return streams.streams[0]?.codec_name ?? null;
}

/** Codec and size of a still (test-kit's probe is for videos: it wants a duration). */
async function probeImage(url: string) {
  const { stdout } = await run(ffprobeInstaller.path, [
    ...["-v", "error", "-show_entries", "stream=codec_name,width,height", "-of", "json", url],
  ]);
  const stream = z
    .object({ streams: z.array(z.object({ codec_name: z.string(), width: z.number(), height: z.number() })) })
    .parse(JSON.parse(stdout)).streams[0];
  if (!stream) throw new Error(`no picture in ${url}`);
  return stream;
}

/** Mean RGB of a frame in the middle of a video (8×8 average), to see a restyle. */
async function meanColour(url: string): Promise<[number, number, number]> {
  const { stdout } = await runFfmpeg([
    ...["-i", url, "-vf", "select='eq(n,4)',scale=8:8", "-frames:v", "1"],
    ...["-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"],
  ]);
  const sums: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < stdout.length; i++) sums[(i % 3) as 0 | 1 | 2] += stdout[i] ?? 0;
  const pixels = stdout.length / 3;
  return [sums[0] / pixels, sums[1] / pixels, sums[2] / pixels];
}

function colourDistance(a: [number, number, number], b: [number, number, number]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe.sequential("lumaai SDK against the simulator", () => {
  let source: Parsed;

  it("ping, concepts and credits answer in the SDK's shapes", async () => {
    expect(await client.ping.check()).toEqual({ message: "pong" });
    const concepts = await client.generations.concepts.list();
    expect(z.array(z.string()).parse(concepts)).toEqual(
      expect.arrayContaining(["pan_left", "pan_right", "dolly_zoom", "orbit_left", "orbit_right", "static"]),
    );
    const credits = await client.credits.get();
    expect(typeof credits.credit_balance).toBe("number");
  });

  it("generations.create and video.create make a video with camera concepts; an unknown concept is a 400 naming it", async () => {
    const before = (await client.credits.get()).credit_balance;
    const created = parse(
      await client.generations.create({
        model: "ray-2",
        prompt: "a lighthouse at dusk",
        aspect_ratio: "16:9",
        resolution: "720p",
        duration: "5s",
        concepts: [{ key: "dolly_zoom" }, { key: "pan_left" }],
      }),
    );
    expect(created.state).toBe("queued");
    expect(created.generation_type).toBe("video");
    expect(created.request.concepts).toEqual([{ key: "dolly_zoom" }, { key: "pan_left" }]);
    expect((await client.credits.get()).credit_balance).toBeLessThan(before);
    source = await completed(created.id);
    expect((await probe(assetUrl(source, "video"))).height).toBe(180);

    const viaVideo = parse(
      await client.generations.video.create({ model: "ray-flash-2", prompt: "a calm sea" }),
    );
    expect(viaVideo.generation_type).toBe("video");
    expect((await completed(viaVideo.id)).assets?.video).toMatch(/video\.mp4/);

    const unknown = await refusal(
      client.generations.video.create({
        model: "ray-2",
        prompt: "a calm sea",
        concepts: [{ key: "moonwalk" }],
      }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.detail).toContain('"moonwalk"');
  });

  it("upscale makes a new generation at the higher resolution, with webhooks; a lower or unfinished source is refused", async () => {
    const up = parse(
      await client.generations.upscale(source.id, {
        generation_type: "upscale_video",
        resolution: "1080p",
        callback_url: `${hooks.url}/upscale`,
      }),
    );
    expect(up.id).not.toBe(source.id);
    expect(up.generation_type).toBe("upscale_video");
    const done = await completed(up.id);
    const media = await probe(assetUrl(done, "video"));
    expect([media.width, media.height]).toEqual([480, 270]);
    const states = await until(
      () =>
        hooks.received.filter((h) => h.path === "/upscale").map((h) => generationSchema.parse(h.body).state),
      (seen) => seen.includes("completed"),
    );
    expect(states).toEqual(expect.arrayContaining(["dreaming", "completed"]));

    const lower = await refusal(client.generations.upscale(source.id, { resolution: "720p" }));
    expect(lower.status).toBe(400);
    expect(lower.detail).toContain("not above");
    const pending = parse(await client.generations.create({ model: "ray-2", prompt: "a new dawn" }));
    const early = await refusal(client.generations.upscale(pending.id, { resolution: "4k" }));
    expect(early).toMatchObject({ status: 400 });
    expect(early.detail).toContain("not completed");
    await completed(pending.id);
  });

  it("audio adds a real AAC track to a copy of the video", async () => {
    expect(await audioCodec(assetUrl(source, "video"))).toBeNull();
    const withSound = parse(
      await client.generations.audio(source.id, {
        generation_type: "add_audio",
        prompt: "rain on a tin roof",
      }),
    );
    expect(withSound.generation_type).toBe("add_audio");
    const done = await completed(withSound.id);
    const url = assetUrl(done, "video");
    expect(await audioCodec(url)).toBe("aac");
    expect((await probe(url)).height).toBe(180);
  });

  it("video.modify restyles the source, more for reimagine than for adhere; a source over 10 s is refused", async () => {
    const url = assetUrl(source, "video");
    const modify = async (mode: "adhere_1" | "reimagine_3") => {
      const created = parse(
        await client.generations.video.modify({
          generation_type: "modify_video",
          media: { url },
          mode,
          model: "ray-2",
          prompt: "as a watercolour",
        }),
      );
      expect(created.generation_type).toBe("modify_video");
      return completed(created.id);
    };
    const [gentle, wild] = await Promise.all([modify("adhere_1"), modify("reimagine_3")]);
    const original = await meanColour(url);
    const gentleShift = colourDistance(original, await meanColour(assetUrl(gentle, "video")));
    const wildShift = colourDistance(original, await meanColour(assetUrl(wild, "video")));
    expect(wildShift).toBeGreaterThan(10);
    expect(wildShift).toBeGreaterThan(gentleShift);

    const scratch = await mkdtemp(path.join(tmpdir(), "luma-contract-"));
    const longFile = path.join(scratch, "long.mp4");
    await runFfmpeg([
      ...["-f", "lavfi", "-i", "testsrc=s=64x36:r=10:d=11", "-c:v", "libx264", "-preset", "ultrafast"],
      ...["-pix_fmt", "yuv420p", longFile],
    ]);
    const longVideo = await readFile(longFile);
    await rm(scratch, { recursive: true, force: true });
    const long = await refusal(
      client.generations.video.modify({
        generation_type: "modify_video",
        media: { url: `data:video/mp4;base64,${longVideo.toString("base64")}` },
        mode: "flex_1",
        model: "ray-2",
      }),
    );
    expect(long.status).toBe(400);
    expect(long.detail).toContain("at most 10 s");
  });

  it("video.reframe puts the video on a canvas of the new ratio; the source's own ratio is refused", async () => {
    const url = assetUrl(source, "video");
    const created = parse(
      await client.generations.video.reframe({
        generation_type: "reframe_video",
        media: { url },
        aspect_ratio: "9:16",
        model: "ray-2",
        prompt: "more sky",
      }),
    );
    expect(created.generation_type).toBe("reframe_video");
    const reframed = assetUrl(await completed(created.id), "video");
    const media = await probe(reframed);
    expect([media.width, media.height]).toEqual([180, 320]);
    // Fitted and centred: the picture is the middle band (y 109–211); above it, the blurred fill.
    const original = await grayFrame(url, 4);
    const band = meanDifference(await grayFrame(reframed, 4, "180:100:0:110"), original);
    const above = meanDifference(await grayFrame(reframed, 4, "180:100:0:0"), original);
    expect(band).toBeLessThan(8);
    expect(above).toBeGreaterThan(band + 6);

    const same = await refusal(
      client.generations.video.reframe({
        generation_type: "reframe_video",
        media: { url },
        aspect_ratio: "16:9",
        model: "ray-2",
      }),
    );
    expect(same.status).toBe(400);
    expect(same.detail).toContain("already 16:9");
  });

  let still: Parsed;

  it("image.create makes a Photon still in the asked ratio and format, in sync mode too", async () => {
    const synced = parse(
      await client.generations.image.create({
        model: "photon-1",
        prompt: "a red fox in snow",
        aspect_ratio: "1:1",
        format: "png",
        sync: true,
        sync_timeout: 60,
      }),
    );
    expect(synced).toMatchObject({ generation_type: "image", state: "completed" });
    const png = await fetch(assetUrl(synced, "image"));
    expect(png.headers.get("content-type")).toBe("image/png");
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const square = await probeImage(assetUrl(synced, "image"));
    expect([square.width, square.height]).toEqual([270, 270]);

    const queued = parse(
      await client.generations.image.create({
        model: "photon-flash-1",
        prompt: "a tall tower",
        aspect_ratio: "9:16",
      }),
    );
    expect(queued.state).toBe("queued");
    still = await completed(queued.id);
    expect(still.assets?.video).toBeUndefined();
    const jpg = await probeImage(assetUrl(still, "image"));
    expect([jpg.codec_name, jpg.width, jpg.height]).toEqual(["mjpeg", 270, 480]);
  });

  it("image.reframe places the image at the given bounds on the new canvas", async () => {
    const created = parse(
      await client.generations.image.reframe({
        generation_type: "reframe_image",
        media: { url: assetUrl(still, "image") },
        aspect_ratio: "1:1",
        model: "photon-1",
        format: "png",
        x_start: 0,
        x_end: 136,
        y_start: 10,
        y_end: 252,
      }),
    );
    expect(created.generation_type).toBe("reframe_image");
    const done = await completed(created.id);
    const media = await probeImage(assetUrl(done, "image"));
    expect([media.codec_name, media.width, media.height]).toEqual(["png", 270, 270]);
    // The source sits in the given bounds; elsewhere is the blurred fill.
    const original = await grayFrame(assetUrl(still, "image"), 0);
    const inside = meanDifference(await grayFrame(assetUrl(done, "image"), 0, "136:242:0:10"), original);
    const beside = meanDifference(await grayFrame(assetUrl(done, "image"), 0, "136:242:134:10"), original);
    expect(inside).toBeLessThan(6);
    expect(beside).toBeGreaterThan(inside + 6);

    const outside = await refusal(
      client.generations.image.reframe({
        generation_type: "reframe_image",
        media: { url: assetUrl(still, "image") },
        aspect_ratio: "1:1",
        model: "photon-1",
        x_start: 0,
        x_end: 400,
        y_start: 0,
        y_end: 100,
      }),
    );
    expect(outside.status).toBe(400);
    expect(outside.detail).toContain("x_end");
  });

  it("generations.list pages every kind with its generation_type; delete removes one", async () => {
    const page = await client.generations.list({ limit: 100, offset: 0 });
    const generations = page.generations.map((g) => parse(g));
    expect(page.count).toBe(generations.length);
    const kinds = new Set(generations.map((g) => g.generation_type));
    for (const kind of [
      "video",
      "image",
      "upscale_video",
      "add_audio",
      "modify_video",
      "reframe_video",
      "reframe_image",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    const firstPage = await client.generations.list({ limit: 2 });
    expect(firstPage).toMatchObject({ limit: 2, offset: 0, has_more: true });
    expect(firstPage.generations).toHaveLength(2);

    await client.generations.delete(still.id);
    const gone = await refusal(client.generations.get(still.id));
    expect(gone).toEqual({ status: 404, detail: "Generation not found" });
  });
});
