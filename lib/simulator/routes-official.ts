import type { KeyframeBytes } from "./engine";
import type { Route, RouteContext } from "./http";
import { json } from "./http";
import { editHandlers } from "./routes-edits";
import { type OfficialKeyframe, officialCreateSchema, parseBody, requestEcho } from "./schemas";
import {
  CAMERA_CONCEPTS,
  type FrameRef,
  imageFormatOf,
  SimulatorError,
  type TaskKind,
  type TaskRecord,
} from "./types";
import { officialGeneration } from "./wire";

/** The official Dream Machine API (`/dream-machine/v1`), served by the same engine. */

function generationOr404(ctx: RouteContext, id: string): TaskRecord {
  ctx.touch(id);
  const task = ctx.engine.get(id);
  if (!task) throw new SimulatorError(404, "Generation not found");
  return task;
}

function completedGeneration(
  ctx: RouteContext,
  frame: OfficialKeyframe & { type: "generation" },
  field: string,
) {
  ctx.touch(frame.id);
  const task = ctx.engine.get(frame.id);
  if (!task) throw new SimulatorError(400, `${field}: generation ${frame.id} not found`);
  if (task.state !== "completed" || !task.media) {
    throw new SimulatorError(400, `${field}: generation ${frame.id} is not completed`);
  }
  if (imageFormatOf(task))
    throw new SimulatorError(400, `${field}: generation ${frame.id} is an image, not a video`);
  return task;
}

async function create(ctx: RouteContext): Promise<Response> {
  const body = await parseBody(ctx.request, officialCreateSchema);
  const frame0 = body.keyframes?.frame0;
  const frame1 = body.keyframes?.frame1;
  const from = frame0?.type === "generation" ? completedGeneration(ctx, frame0, "keyframes.frame0") : null;
  const to = frame1?.type === "generation" ? completedGeneration(ctx, frame1, "keyframes.frame1") : null;
  const bytes: KeyframeBytes = {
    start: frame0?.type === "image" ? await ctx.readKeyframe(frame0.url, "keyframes.frame0.url") : undefined,
    end: frame1?.type === "image" ? await ctx.readKeyframe(frame1.url, "keyframes.frame1.url") : undefined,
  };
  // Extend plays the source first; reverse extend plays it after; two generations interpolate.
  const before = from && !to ? from.id : null;
  const after = to && !from ? to.id : null;
  const kind: TaskKind = before
    ? "extend"
    : after
      ? "reverse_extend"
      : from && to
        ? "interpolate"
        : "generate";
  const start: FrameRef | null = from ? { kind: "task", taskId: from.id, frame: "last" } : null;
  const end: FrameRef | null = to ? { kind: "task", taskId: to.id, frame: "first" } : null;
  const source = from ?? to;
  const task = await ctx.engine.create(
    {
      api: "official",
      kind,
      prompt: body.prompt,
      request: requestEcho(body),
      model: body.model,
      aspectRatio: source?.aspectRatio ?? body.aspect_ratio,
      resolution: source?.resolution ?? body.resolution,
      durationSeconds: Number.parseInt(body.duration, 10),
      loop: body.loop,
      start,
      end,
      before,
      after,
      hookUrl: body.callback_url ?? null,
      baseUrl: ctx.wire().base,
      size: source ? { width: source.width, height: source.height } : undefined,
    },
    bytes,
  );
  ctx.touch(task.id);
  ctx.account.credits -= task.durationSeconds;
  return json(officialGeneration(task, ctx.wire()), 201);
}

async function get(ctx: RouteContext): Promise<Response> {
  return json(officialGeneration(generationOr404(ctx, ctx.params[0] ?? ""), ctx.wire()));
}

async function list(ctx: RouteContext): Promise<Response> {
  const limit = Math.min(1000, Math.max(1, Number(ctx.url.searchParams.get("limit") ?? 100) || 100));
  const offset = Math.max(0, Number(ctx.url.searchParams.get("offset") ?? 0) || 0);
  const all = ctx.engine.list();
  const page = all.slice(offset, offset + limit);
  const wire = ctx.wire();
  return json({
    has_more: offset + page.length < all.length,
    count: all.length,
    limit,
    offset,
    generations: page.map((task) => officialGeneration(task, wire)),
  });
}

async function remove(ctx: RouteContext): Promise<Response> {
  const id = ctx.params[0] ?? "";
  generationOr404(ctx, id);
  await ctx.engine.remove(id);
  return new Response(null, { status: 204 });
}

async function credits(ctx: RouteContext): Promise<Response> {
  return json({ credit_balance: ctx.account.credits });
}

async function ping(): Promise<Response> {
  return json({ message: "pong" });
}

async function concepts(): Promise<Response> {
  return json([...CAMERA_CONCEPTS]);
}

export function officialRoutes(): Route[] {
  const base = "^\\/dream-machine\\/v1";
  const post = (path: string, name: string, handle: Route["handle"]): Route => ({
    method: "POST",
    pattern: new RegExp(`${base}${path}$`),
    name,
    handle,
  });
  return [
    post("/generations/video/modify", "official.modify", editHandlers.modify),
    post("/generations/video/reframe", "official.reframe_video", editHandlers.reframeVideo),
    post("/generations/image/reframe", "official.reframe_image", editHandlers.reframeImage),
    post("/generations/image", "official.image", editHandlers.createImage),
    post("/generations/([^/]+)/upscale", "official.upscale", editHandlers.upscale),
    post("/generations/([^/]+)/audio", "official.audio", editHandlers.addAudio),
    {
      method: "GET",
      pattern: new RegExp(`${base}/generations/concepts/list$`),
      name: "official.concepts",
      handle: concepts,
    },
    { method: "GET", pattern: new RegExp(`${base}/ping$`), name: "official.ping", handle: ping },
    {
      method: "POST",
      pattern: new RegExp(`${base}/generations(?:/video)?$`),
      name: "official.create",
      handle: create,
    },
    { method: "GET", pattern: new RegExp(`${base}/generations$`), name: "official.list", handle: list },
    { method: "GET", pattern: new RegExp(`${base}/generations/([^/]+)$`), name: "official.get", handle: get },
    {
      method: "DELETE",
      pattern: new RegExp(`${base}/generations/([^/]+)$`),
      name: "official.delete",
      handle: remove,
    },
    { method: "GET", pattern: new RegExp(`${base}/credits$`), name: "official.credits", handle: credits },
  ];
}
