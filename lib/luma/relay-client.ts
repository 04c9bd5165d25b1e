import { allOrThrow, type EachAnswer, getEachOneByOne, isSystemicFailure, uniqueIds } from "./batch";
import { isLumaError, LumaError } from "./errors";
import { isHttpUrl } from "./fields";
import { createHttpContext, type HttpAnswer, type HttpContext, requireJson, send } from "./http";
import { normalize, normalizeMany, unwrapEnvelope } from "./normalize";
import { idSegment, validExtend, validGeneration } from "./request";
import {
  downloadUrlSchema,
  type RelayExtendBody,
  type RelaySubmitBody,
  relayExtendBodySchema,
  relaySubmitBodySchema,
} from "./schemas";
import type { CallOptions, ClientOptions, ExtendRequest, GenerationRequest, UpstreamSnapshot } from "./types";

export interface RelayClient {
  submit(req: GenerationRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  extend(req: ExtendRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  get(upstreamId: string, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** Snapshots in the order of `ids`; ids the relay does not know are left out. */
  getMany(ids: readonly string[], options?: CallOptions): Promise<UpstreamSnapshot[]>;
  /** Like getMany, but one id's broken answer fails only that id (see EachAnswer). */
  getEach(ids: readonly string[], options?: CallOptions): Promise<EachAnswer>;
  /** Presigned watermark-free link (about 1 h), or null while the video is not ready. */
  downloadUrl(upstreamId: string, options?: CallOptions): Promise<string | null>;
  /** Whether `POST /luma/tasks` works: null until the first batch query finds out. */
  readonly batchSupported: boolean | null;
}

const BATCH_SIZE = 50;

export function createRelayClient(options: ClientOptions): RelayClient {
  const ctx = createHttpContext(options);
  let batchSupported: boolean | null = null;
  const snapshotOf = (answer: HttpAnswer) => normalize(requireJson(answer, ctx), { redact: ctx.redact });

  const get = async (upstreamId: string, call: CallOptions = {}) => {
    const path = `/luma/generations/${idSegment(upstreamId)}`;
    const snapshot = await send(
      ctx,
      { method: "GET", path, idempotent: true, signal: call.signal },
      snapshotOf,
    );
    return sameId(snapshot, upstreamId, ctx);
  };

  const queryBatch = async (ids: string[], call: CallOptions) => {
    // A query, not a create: safe to repeat.
    const request = { method: "POST", path: "/luma/tasks", body: { ids }, idempotent: true } as const;
    return send(ctx, { ...request, signal: call.signal }, (answer) =>
      normalizeMany(requireJson(answer, ctx), { redact: ctx.redact }),
    );
  };

  const getEach = async (ids: readonly string[], call: CallOptions = {}): Promise<EachAnswer> => {
    const wanted = uniqueIds(ids);
    const found = new Map<string, UpstreamSnapshot>();
    const failed = new Map<string, unknown>();
    for (let start = 0; start < wanted.length && batchSupported !== false; start += BATCH_SIZE) {
      const chunk = wanted.slice(start, start + BATCH_SIZE);
      try {
        for (const snapshot of await queryBatch(chunk, call)) found.set(snapshot.upstreamId, snapshot);
        batchSupported = true;
      } catch (error) {
        if (isSystemicFailure(error)) {
          for (const id of wanted.slice(start)) failed.set(id, error);
          break;
        }
        // Before any batch worked, a refusal means the relay has no batch endpoint. After that, it
        // is one bad answer (a huge or broken body, a 500 over one task): this chunk is asked id by
        // id below, so the task behind it fails alone instead of holding back its whole batch.
        if (batchSupported === null && lacksBatch(error)) {
          batchSupported = false;
          ctx.log({ level: "warn", event: "luma.relay.no_batch", detail: { fallback: "single gets" } });
        } else {
          ctx.log({
            level: "warn",
            event: "luma.relay.batch_failed",
            detail: { ids: chunk.length, message: isLumaError(error) ? error.message : "unexpected" },
          });
        }
      }
    }
    // Ids the batch answer skipped (or all of them, without batch support) are asked one by one.
    const missing = wanted.filter((id) => !found.has(id) && !failed.has(id));
    const single = await getEachOneByOne(missing, (id) => get(id, call));
    for (const [id, snapshot] of single.found) found.set(id, snapshot);
    for (const [id, error] of single.failed) failed.set(id, error);
    return { found, failed };
  };

  return {
    get batchSupported() {
      return batchSupported;
    },

    async submit(req, call = {}) {
      const valid = validGeneration(req, ctx.redact);
      const body: RelaySubmitBody = relaySubmitBodySchema.parse({
        user_prompt: valid.prompt,
        expand_prompt: valid.expandPrompt,
        loop: valid.loop,
        image_url: valid.startImageUrl,
        image_end_url: valid.endImageUrl,
        notify_hook: valid.callbackUrl,
        aspect_ratio: valid.aspectRatio,
        model_name: valid.model,
        resolution: valid.resolution,
        duration: valid.duration,
      });
      const request = { method: "POST", path: "/luma/generations", body, idempotent: false } as const;
      return send(ctx, { ...request, signal: call.signal }, snapshotOf);
    },

    async extend(req, call = {}) {
      const valid = validExtend(req, ctx.redact);
      if (valid.direction === "backward") {
        throw new LumaError({
          kind: "rejected",
          message: "Request not sent: a relay extends forward only",
          redact: ctx.redact,
        });
      }
      const body: RelayExtendBody = relayExtendBodySchema.parse({
        user_prompt: valid.prompt,
        expand_prompt: valid.expandPrompt,
        image_url: valid.startImageUrl,
        image_end_url: valid.endImageUrl,
        notify_hook: valid.callbackUrl,
        aspect_ratio: valid.aspectRatio,
      });
      const path = `/luma/generations/${idSegment(valid.parentUpstreamId)}/extend`;
      return send(ctx, { method: "POST", path, body, idempotent: false, signal: call.signal }, snapshotOf);
    },

    get,

    async getMany(ids, call = {}) {
      const wanted = uniqueIds(ids);
      return allOrThrow(wanted, await getEach(wanted, call));
    },

    getEach,

    async downloadUrl(upstreamId, call = {}) {
      const path = `/luma/generations/${idSegment(upstreamId)}/download_video_url`;
      try {
        return await send(ctx, { method: "GET", path, idempotent: true, signal: call.signal }, (answer) => {
          const body = unwrapEnvelope(requireJson(answer, ctx), { redact: ctx.redact });
          const parsed = downloadUrlSchema.safeParse(body);
          return parsed.success && isHttpUrl(parsed.data.url) ? parsed.data.url.trim() : null;
        });
      } catch (error) {
        // The relay answers 400 until the video is finished.
        if (isLumaError(error) && error.kind === "rejected" && error.status === 400) return null;
        throw error;
      }
    },
  };
}

/** A relay without `/luma/tasks` answers 404/405/501, an HTML page, or something that is not a task list. */
function lacksBatch(error: unknown): boolean {
  if (!isLumaError(error)) return false;
  return error.kind === "unreadable" || error.status === 404 || error.status === 405 || error.status === 501;
}

/** A get answers for the id we asked about; a relay that reports another id (e.g. Luma's own) is logged. */
function sameId(snapshot: UpstreamSnapshot, upstreamId: string, ctx: HttpContext): UpstreamSnapshot {
  if (snapshot.upstreamId === upstreamId) return snapshot;
  ctx.log({
    level: "warn",
    event: "luma.relay.id_mismatch",
    detail: { asked: ctx.redact(upstreamId), answered: ctx.redact(snapshot.upstreamId) },
  });
  return { ...snapshot, upstreamId };
}
