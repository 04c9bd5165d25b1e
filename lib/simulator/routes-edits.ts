import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { NewTask, PrepareMedia } from "./engine";
import type { RouteContext } from "./http";
import { json } from "./http";
import { imageExtension, normalizeKeyframe } from "./keyframes";
import { probeMedia } from "./probe";
import { MEDIA_FILES } from "./render";
import { promptSeed } from "./scene";
import {
  audioSchema,
  imageCreateSchema,
  imageReframeSchema,
  modifySchema,
  parseBody,
  type ReframeBody,
  requestEcho,
  upscaleSchema,
  videoReframeSchema,
} from "./schemas";
import {
  type Edit,
  imageFormatOf,
  OFFICIAL_ASPECT_RATIOS,
  OFFICIAL_RESOLUTIONS,
  type Rect,
  SimulatorError,
  type TaskKind,
  type TaskRecord,
} from "./types";
import { officialGeneration } from "./wire";

/**
 * The official API's generations made from media: upscale, add audio, modify and reframe a video,
 * reframe an image, and Photon images. Each becomes a task of the same engine (queued → dreaming →
 * completed, webhooks, faults, persistence); its inputs are copied into its own folder at create time.
 */

/** Modify sources longer than this are refused, as Luma does. */
const MAX_MODIFY_SECONDS = 10;
const SOURCE_VIDEO = "source.mp4";

function ratioOf(aspectRatio: string): number {
  const [a, b] = aspectRatio.split(":").map(Number);
  return a && b ? a / b : 16 / 9;
}

/** The listed aspect ratio nearest to a picture's own. */
function nearestAspectRatio(width: number, height: number): string {
  const own = width / height;
  let best: string = OFFICIAL_ASPECT_RATIOS[0];
  for (const candidate of OFFICIAL_ASPECT_RATIOS) {
    if (Math.abs(Math.log(ratioOf(candidate) / own)) < Math.abs(Math.log(ratioOf(best) / own)))
      best = candidate;
  }
  return best;
}

/** The resolution label of a picture: the smallest whose short side reaches the picture's. */
function resolutionLabel(ctx: RouteContext, width: number, height: number): string {
  const short = Math.min(width, height);
  const fits = OFFICIAL_RESOLUTIONS.find((r) => {
    const size = ctx.engine.sizeFor("1:1", r);
    return size.width >= short;
  });
  return fits ?? "4k";
}

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/** A finished video generation of this simulator, for upscale and add-audio. */
function completedVideo(ctx: RouteContext, id: string): TaskRecord {
  ctx.touch(id);
  const task = ctx.engine.get(id);
  if (!task) throw new SimulatorError(404, "Generation not found");
  if (imageFormatOf(task)) throw new SimulatorError(400, `generation ${id} is an image, not a video`);
  if (task.state !== "completed" || !task.media) {
    throw new SimulatorError(400, `generation ${id} is not completed`);
  }
  return task;
}

const copySource =
  (ctx: RouteContext, source: TaskRecord): PrepareMedia =>
  async (dir) => {
    await copyFile(
      path.join(ctx.engine.mediaDir(source.id), MEDIA_FILES.clean),
      path.join(dir, SOURCE_VIDEO),
    );
  };

/** Probes downloaded bytes from a scratch file (the new task has no folder until it is created). */
async function probeBytes(bytes: Uint8Array, extension: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "luma-sim-probe-"));
  try {
    const file = path.join(dir, `source.${extension}`);
    await writeFile(file, bytes);
    return await probeMedia(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A source video named by URL (data: or http(s), through the guarded fetcher), with its size and length. */
async function sourceVideo(ctx: RouteContext, url: string, field: string) {
  const bytes = await ctx.readVideo(url, field);
  const info = await probeBytes(bytes, "mp4");
  if (!info || info.duration <= 0) throw new SimulatorError(400, `${field}: not a readable video`);
  return { bytes, ...info };
}

/** A source image named by URL, with its size. */
async function sourceImage(ctx: RouteContext, url: string, field: string) {
  const bytes = await ctx.readKeyframe(url, field);
  const extension = imageExtension(bytes);
  const info = extension ? await probeBytes(bytes, extension) : null;
  if (!extension || !info) {
    throw new SimulatorError(400, `${field}: not a readable image (png, jpeg, webp, gif or bmp)`);
  }
  return { bytes, extension, ...info };
}

async function createDerived(
  ctx: RouteContext,
  spec: Omit<NewTask, "api" | "baseUrl" | "loop" | "start" | "end" | "before" | "after"> & {
    kind: TaskKind;
  },
  prepare: PrepareMedia,
): Promise<TaskRecord> {
  const task = await ctx.engine.create(
    {
      ...spec,
      api: "official",
      baseUrl: ctx.wire().base,
      loop: false,
      start: null,
      end: null,
      before: null,
      after: null,
    },
    {},
    prepare,
  );
  ctx.touch(task.id);
  ctx.account.credits -= Math.max(1, Math.round(task.durationSeconds));
  return task;
}

async function upscale(ctx: RouteContext): Promise<Response> {
  const source = completedVideo(ctx, ctx.params[0] ?? "");
  const body = await parseBody(ctx.request, upscaleSchema);
  const size = ctx.engine.sizeFor(source.aspectRatio, body.resolution);
  if (Math.min(size.width, size.height) <= Math.min(source.width, source.height)) {
    throw new SimulatorError(
      400,
      `resolution: ${body.resolution} is not above the source's ${source.resolution}; upscale needs a higher resolution`,
    );
  }
  const task = await createDerived(
    ctx,
    {
      kind: "upscale_video",
      prompt: source.prompt,
      request: requestEcho({ ...body, generation_type: "upscale_video" }),
      model: source.model,
      aspectRatio: source.aspectRatio,
      resolution: body.resolution,
      durationSeconds: source.media?.duration ?? source.durationSeconds,
      hookUrl: body.callback_url ?? null,
      size,
      edit: { op: "upscale", source: SOURCE_VIDEO },
    },
    copySource(ctx, source),
  );
  return json(officialGeneration(task, ctx.wire()), 201);
}

async function addAudio(ctx: RouteContext): Promise<Response> {
  const source = completedVideo(ctx, ctx.params[0] ?? "");
  const body = await parseBody(ctx.request, audioSchema);
  // The prompt picks the tone, so two prompts sound different; no prompt is concert A.
  const seed = body.prompt ? (promptSeed(body.prompt)[0] ?? 0) : null;
  const frequency = seed === null ? 440 : 220 + seed * 2;
  const task = await createDerived(
    ctx,
    {
      kind: "add_audio",
      prompt: body.prompt ?? source.prompt,
      request: requestEcho({ ...body, generation_type: "add_audio" }),
      model: source.model,
      aspectRatio: source.aspectRatio,
      resolution: source.resolution,
      durationSeconds: source.media?.duration ?? source.durationSeconds,
      hookUrl: body.callback_url ?? null,
      size: { width: source.width, height: source.height },
      edit: { op: "add_audio", source: SOURCE_VIDEO, frequency },
    },
    copySource(ctx, source),
  );
  return json(officialGeneration(task, ctx.wire()), 201);
}

/** Hue turn and saturation per mode: adhere stays close to the source, reimagine departs furthest. */
const MODE_STRENGTH: Record<string, { hue: number; saturation: number }> = {
  adhere_1: { hue: 15, saturation: 1.05 },
  adhere_2: { hue: 30, saturation: 1.1 },
  adhere_3: { hue: 45, saturation: 1.15 },
  flex_1: { hue: 70, saturation: 1.25 },
  flex_2: { hue: 95, saturation: 1.35 },
  flex_3: { hue: 120, saturation: 1.45 },
  reimagine_1: { hue: 145, saturation: 1.6 },
  reimagine_2: { hue: 165, saturation: 1.75 },
  reimagine_3: { hue: 180, saturation: 1.9 },
};

async function modify(ctx: RouteContext): Promise<Response> {
  const body = await parseBody(ctx.request, modifySchema);
  const video = await sourceVideo(ctx, body.media.url, "media.url");
  if (video.duration > MAX_MODIFY_SECONDS + 0.05) {
    throw new SimulatorError(
      400,
      `media: the source video is ${video.duration.toFixed(1)} s long; modify accepts at most ${MAX_MODIFY_SECONDS} s`,
    );
  }
  const firstFrame = body.first_frame
    ? await ctx.readKeyframe(body.first_frame.url, "first_frame.url")
    : null;
  const strength = MODE_STRENGTH[body.mode] ?? { hue: 90, saturation: 1.3 };
  // The prompt turns the hue one way or the other.
  const direction = body.prompt && (promptSeed(body.prompt)[2] ?? 0) % 2 === 1 ? -1 : 1;
  const size = { width: even(video.width), height: even(video.height) };
  const task = await createDerived(
    ctx,
    {
      kind: "modify_video",
      prompt: body.prompt ?? "",
      request: requestEcho(body),
      model: body.model,
      aspectRatio: nearestAspectRatio(video.width, video.height),
      resolution: resolutionLabel(ctx, video.width, video.height),
      durationSeconds: video.duration,
      hookUrl: body.callback_url ?? null,
      size,
      edit: {
        op: "modify",
        source: SOURCE_VIDEO,
        hue: direction * strength.hue,
        saturation: strength.saturation,
        firstFrame: firstFrame ? "first_frame.png" : null,
      },
    },
    async (dir) => {
      await writeFile(path.join(dir, SOURCE_VIDEO), video.bytes);
      if (firstFrame)
        await normalizeKeyframe(firstFrame, "first_frame.url", size, path.join(dir, "first_frame.png"));
    },
  );
  return json(officialGeneration(task, ctx.wire()), 201);
}

/** Where the source goes on the new canvas: the given bounds, else the given size (at the grid position or centred), else fitted and centred. */
function placement(
  body: ReframeBody,
  canvas: { width: number; height: number },
  source: { width: number; height: number },
): Rect {
  const inCanvas = (field: string, value: number, limit: number) => {
    if (value > limit) {
      throw new SimulatorError(
        400,
        `${field}: ${value} is outside the ${canvas.width}×${canvas.height} canvas`,
      );
    }
    return value;
  };
  if (
    body.x_start !== undefined &&
    body.x_end !== undefined &&
    body.y_start !== undefined &&
    body.y_end !== undefined
  ) {
    const x = inCanvas("x_start", body.x_start, canvas.width - 2);
    const y = inCanvas("y_start", body.y_start, canvas.height - 2);
    const right = inCanvas("x_end", body.x_end, canvas.width);
    const bottom = inCanvas("y_end", body.y_end, canvas.height);
    return { x, y, width: Math.max(2, right - x), height: Math.max(2, bottom - y) };
  }
  const fit = Math.min(canvas.width / source.width, canvas.height / source.height);
  const ratio = source.width / source.height;
  let width = source.width * fit;
  let height = source.height * fit;
  if (body.resized_width !== undefined || body.resized_height !== undefined) {
    width = body.resized_width ?? (body.resized_height ?? height) * ratio;
    height = body.resized_height ?? width / ratio;
    inCanvas("resized_width", Math.round(width), canvas.width);
    inCanvas("resized_height", Math.round(height), canvas.height);
  }
  const x = body.grid_position_x ?? (canvas.width - width) / 2;
  const y = body.grid_position_y ?? (canvas.height - height) / 2;
  const passes = (field: string, at: number, extent: number, limit: number) => {
    if (Math.round(at + extent) > limit) {
      throw new SimulatorError(
        400,
        `${field}: the ${Math.round(width)}×${Math.round(height)} source at ${Math.round(at)} passes the edge of the ${canvas.width}×${canvas.height} canvas`,
      );
    }
  };
  passes("grid_position_x", x, width, canvas.width);
  passes("grid_position_y", y, height, canvas.height);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

/** The new canvas keeps the source's short side; refuses the ratio the source already has. */
function reframeCanvas(body: ReframeBody, source: { width: number; height: number }) {
  const target = ratioOf(body.aspect_ratio);
  if (Math.abs(Math.log(target / (source.width / source.height))) < 0.02) {
    throw new SimulatorError(
      400,
      `aspect_ratio: the source is already ${body.aspect_ratio}; reframe needs a different aspect ratio`,
    );
  }
  const short = Math.min(source.width, source.height);
  return target >= 1
    ? { width: even(short * target), height: even(short) }
    : { width: even(short), height: even(short / target) };
}

async function reframeVideo(ctx: RouteContext): Promise<Response> {
  const body = await parseBody(ctx.request, videoReframeSchema);
  const video = await sourceVideo(ctx, body.media.url, "media.url");
  if (body.first_frame) await sourceImage(ctx, body.first_frame.url, "first_frame.url");
  const size = reframeCanvas(body, video);
  const rect = placement(body, size, video);
  const task = await createDerived(
    ctx,
    {
      kind: "reframe_video",
      prompt: body.prompt ?? "",
      request: requestEcho(body),
      model: body.model,
      aspectRatio: body.aspect_ratio,
      resolution: resolutionLabel(ctx, size.width, size.height),
      durationSeconds: video.duration,
      hookUrl: body.callback_url ?? null,
      size,
      edit: { op: "reframe", source: SOURCE_VIDEO, still: false, rect },
    },
    async (dir) => writeFile(path.join(dir, SOURCE_VIDEO), video.bytes),
  );
  return json(officialGeneration(task, ctx.wire()), 201);
}

async function reframeImage(ctx: RouteContext): Promise<Response> {
  const body = await parseBody(ctx.request, imageReframeSchema);
  const image = await sourceImage(ctx, body.media.url, "media.url");
  const size = reframeCanvas(body, image);
  const rect = placement(body, size, image);
  const file = `source.${image.extension}`;
  const task = await createDerived(
    ctx,
    {
      kind: "reframe_image",
      prompt: body.prompt ?? "",
      request: requestEcho(body),
      model: body.model,
      aspectRatio: body.aspect_ratio,
      resolution: resolutionLabel(ctx, size.width, size.height),
      durationSeconds: 0,
      hookUrl: body.callback_url ?? null,
      size,
      edit: { op: "reframe", source: file, still: true, rect },
    },
    async (dir) => writeFile(path.join(dir, file), image.bytes),
  );
  return json(officialGeneration(task, ctx.wire()), 201);
}

/** Photon stills are "1080p": a 1080-pixel short side at full render scale. */
const IMAGE_RESOLUTION = "1080p";
const DEFAULT_SYNC_TIMEOUT_S = 60;

async function createImage(ctx: RouteContext): Promise<Response> {
  const body = await parseBody(ctx.request, imageCreateSchema);
  // Every reference must be a readable image; modify_image_ref also becomes the picture's base.
  const refs: [string, string][] = [
    ...(body.image_ref ?? []).map((ref, i): [string, string] => [ref.url, `image_ref.${i}.url`]),
    ...(body.style_ref ?? []).map((ref, i): [string, string] => [ref.url, `style_ref.${i}.url`]),
    ...(body.character_ref?.identity0.images ?? []).map((url, i): [string, string] => [
      url,
      `character_ref.identity0.images.${i}`,
    ]),
  ];
  for (const [url, field] of refs) await sourceImage(ctx, url, field);
  const base = body.modify_image_ref
    ? await ctx.readKeyframe(body.modify_image_ref.url, "modify_image_ref.url")
    : null;
  const size = ctx.engine.sizeFor(body.aspect_ratio, IMAGE_RESOLUTION);
  const edit: Edit = {
    op: "image",
    base: base ? "base.png" : null,
    weight: body.modify_image_ref?.weight ?? 1,
  };
  const task = await createDerived(
    ctx,
    {
      kind: "image",
      prompt: body.prompt,
      request: requestEcho({ ...body, generation_type: "image" }),
      model: body.model,
      aspectRatio: body.aspect_ratio,
      resolution: IMAGE_RESOLUTION,
      durationSeconds: 0,
      hookUrl: body.callback_url ?? null,
      size,
      edit,
    },
    async (dir) => {
      if (base) await normalizeKeyframe(base, "modify_image_ref.url", size, path.join(dir, "base.png"));
    },
  );
  if (!body.sync) return json(officialGeneration(task, ctx.wire()), 201);
  // Sync mode answers once the image is done (or the timeout passes: then it is still in progress).
  await ctx.engine.settled(task.id, (body.sync_timeout ?? DEFAULT_SYNC_TIMEOUT_S) * 1000);
  const settled = ctx.engine.get(task.id) ?? task;
  return json(officialGeneration(settled, ctx.wire()), 201);
}

export const editHandlers = { upscale, addAudio, modify, reframeVideo, reframeImage, createImage };
