import { NOT_FOUND_PAGE } from "./faults";
import type { Route, RouteContext } from "./http";
import { json, QUOTA_PER_SECOND } from "./http";
import { MEDIA_FILES } from "./render";
import { batchSchema, parseBody, relayCreateSchema, relayExtendSchema, requestEcho } from "./schemas";
import { imageFormatOf, SimulatorError, type TaskRecord } from "./types";
import { mediaLink, mediaVisible, relayBatch, relaySingle } from "./wire";

/**
 * The relay's own format (the seeds): /luma/generations, extend, get, batch, download_video_url, and the
 * token's quota at /api/usage/token (UPSTREAM.md §6).
 */

function taskOr404(ctx: RouteContext, id: string, field = "task_id"): TaskRecord {
  ctx.touch(id);
  const task = ctx.engine.get(id);
  if (!task) throw new SimulatorError(404, `${field}: task ${id} not found`);
  return task;
}

function seconds(duration: string): number {
  return Number.parseInt(duration, 10);
}

async function create(ctx: RouteContext): Promise<Response> {
  const body = await parseBody(ctx.request, relayCreateSchema);
  const start = body.image_url ? await ctx.readKeyframe(body.image_url, "image_url") : undefined;
  const end = body.image_end_url ? await ctx.readKeyframe(body.image_end_url, "image_end_url") : undefined;
  const task = await ctx.engine.create(
    {
      api: "relay",
      kind: "generate",
      prompt: body.user_prompt,
      request: requestEcho({ prompt: body.user_prompt, ...body, user_prompt: undefined }),
      model: body.model_name,
      aspectRatio: body.aspect_ratio,
      resolution: body.resolution,
      durationSeconds: seconds(body.duration),
      loop: body.loop ?? false,
      start: null,
      end: null,
      before: null,
      after: null,
      hookUrl: body.notify_hook ?? null,
      baseUrl: ctx.wire().base,
    },
    { start, end },
  );
  ctx.touch(task.id);
  spend(ctx, task);
  return json(relaySingle(task, ctx.wire()));
}

async function extend(ctx: RouteContext): Promise<Response> {
  const parentId = ctx.params[0] ?? "";
  const body = await parseBody(ctx.request, relayExtendSchema);
  const parent = taskOr404(ctx, parentId);
  if (parent.state !== "completed" || !parent.media) {
    throw new SimulatorError(400, `task_id: task ${parentId} is not completed yet`);
  }
  if (imageFormatOf(parent))
    throw new SimulatorError(400, `task_id: task ${parentId} is an image, not a video`);
  // image_url is read (a bad one is refused) but the segment always starts from the parent's last frame.
  if (body.image_url) await ctx.readKeyframe(body.image_url, "image_url");
  const end = body.image_end_url ? await ctx.readKeyframe(body.image_end_url, "image_end_url") : undefined;
  const task = await ctx.engine.create(
    {
      api: "relay",
      kind: "extend",
      prompt: body.user_prompt,
      request: requestEcho({
        prompt: body.user_prompt,
        ...body,
        user_prompt: undefined,
        parent_id: parentId,
      }),
      model: parent.model,
      aspectRatio: parent.aspectRatio,
      resolution: parent.resolution,
      durationSeconds: 5,
      loop: false,
      start: { kind: "task", taskId: parentId, frame: "last" },
      end: null,
      before: parentId,
      after: null,
      hookUrl: body.notify_hook ?? null,
      baseUrl: ctx.wire().base,
      size: { width: parent.width, height: parent.height },
    },
    { end },
  );
  ctx.touch(task.id);
  spend(ctx, task);
  return json(relaySingle(task, ctx.wire()));
}

/** A relay bills the token when it accepts the task. */
function spend(ctx: RouteContext, task: TaskRecord): void {
  ctx.account.quota.used += Math.max(1, Math.round(task.durationSeconds)) * QUOTA_PER_SECOND;
}

/** `GET /api/usage/token`: the common relays' envelope, `code: true` and the token's quota in `data`. */
async function tokenUsage(ctx: RouteContext): Promise<Response> {
  const { granted, used } = ctx.account.quota;
  return json({
    code: true,
    message: "ok",
    data: {
      object: "token_usage",
      name: "simulator",
      total_granted: granted,
      total_used: used,
      total_available: granted - used,
      unlimited_quota: false,
      expires_at: 0,
    },
  });
}

async function get(ctx: RouteContext): Promise<Response> {
  return json(relaySingle(taskOr404(ctx, ctx.params[0] ?? ""), ctx.wire()));
}

async function batch(ctx: RouteContext): Promise<Response> {
  if (ctx.faults.batchAbsent) {
    return new Response(NOT_FOUND_PAGE, { status: 404, headers: { "content-type": "text/html" } });
  }
  const { ids } = await parseBody(ctx.request, batchSchema);
  for (const id of ids) ctx.touch(id);
  // Newest first, like the relays that answer from a database query: callers must not rely on order.
  const wanted = new Set(ids);
  const tasks = ctx.engine.list().filter((task) => wanted.has(task.id));
  return json(relayBatch(tasks, ctx.wire()));
}

async function download(ctx: RouteContext): Promise<Response> {
  const task = taskOr404(ctx, ctx.params[0] ?? "");
  const wire = ctx.wire();
  if (!mediaVisible(task, wire))
    throw new SimulatorError(400, `task_id: task ${task.id} is not completed yet`);
  // A fresh presigned link each time, as relays do.
  return json({ url: mediaLink(task, MEDIA_FILES.clean, wire, wire.now) });
}

export const relayRoutes: Route[] = [
  { method: "POST", pattern: /^\/luma\/generations$/, name: "relay.create", handle: create },
  { method: "POST", pattern: /^\/luma\/generations\/([^/]+)\/extend$/, name: "relay.extend", handle: extend },
  {
    method: "GET",
    pattern: /^\/luma\/generations\/([^/]+)\/download_video_url$/,
    name: "relay.download",
    handle: download,
  },
  { method: "GET", pattern: /^\/luma\/generations\/([^/]+)$/, name: "relay.get", handle: get },
  { method: "POST", pattern: /^\/luma\/tasks$/, name: "relay.batch", handle: batch },
  { method: "GET", pattern: /^\/api\/usage\/token$/, name: "relay.token_usage", handle: tokenUsage },
];
