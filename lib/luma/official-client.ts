import { OFFICIAL_CAPABILITIES } from "./capabilities";
import { bodySnippet, isLumaError, LumaError, summaryFor } from "./errors";
import { createHttpContext, type HttpAnswer, requireJson, send } from "./http";
import { normalize, requestedSettings, tryNormalize, unwrapEnvelope } from "./normalize";
import { idSegment, validExtend, validGeneration } from "./request";
import {
  conceptListSchema,
  creditsSchema,
  type OfficialCreateBody,
  officialAudioBodySchema,
  officialCreateBodySchema,
  officialImageBodySchema,
  officialListSchema,
  officialModifyBodySchema,
  officialReframeBodySchema,
  officialUpscaleBodySchema,
} from "./schemas";
import type {
  CallOptions,
  ClientOptions,
  EditRequest,
  ExtendRequest,
  GenerationPage,
  GenerationRequest,
  ImageRequest,
  ListedGeneration,
  UpstreamSnapshot,
} from "./types";

export const OFFICIAL_BASE_URL = "https://api.lumalabs.ai/dream-machine/v1";

export type OfficialClientOptions = Omit<ClientOptions, "baseUrl"> & { baseUrl?: string };

export type OfficialList = GenerationPage;

export interface OfficialClient {
  create(req: GenerationRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** A new generation that continues `parentUpstreamId` (keyframe frame0 = the parent). */
  extend(req: ExtendRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** Upscale, add audio or modify: a new generation made from a finished one. Never retried. */
  edit(req: EditRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** A Photon still (`POST /generations/image`); the picture arrives as the answer's `assets.image`. */
  createImage(req: ImageRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  get(upstreamId: string, options?: CallOptions): Promise<UpstreamSnapshot>;
  list(page?: { limit?: number; offset?: number }, options?: CallOptions): Promise<OfficialList>;
  delete(upstreamId: string, options?: CallOptions): Promise<void>;
  credits(options?: CallOptions): Promise<number>;
  /** Camera-motion keys a create can name in `concepts`. */
  concepts(options?: CallOptions): Promise<string[]>;
  /** The create path in use; switches to the older `/generations` after a 404. */
  readonly createPath: string;
}

type Keyframe = { type: "image"; url: string } | { type: "generation"; id: string };

export function createOfficialClient(options: OfficialClientOptions): OfficialClient {
  const ctx = createHttpContext({ ...options, baseUrl: options.baseUrl ?? OFFICIAL_BASE_URL });
  let createPath = "/generations/video";
  const snapshotOf = (answer: HttpAnswer) => normalize(requireJson(answer, ctx), { redact: ctx.redact });
  const jsonOf = (answer: HttpAnswer) => unwrapEnvelope(requireJson(answer, ctx), { redact: ctx.redact });

  const post = async (body: OfficialCreateBody, call: CallOptions): Promise<UpstreamSnapshot> => {
    try {
      return await send(
        ctx,
        { method: "POST", path: createPath, body, idempotent: false, ...call },
        snapshotOf,
      );
    } catch (error) {
      // A 404 means the path does not exist here, so nothing was created: safe to try the older path once.
      if (!isLumaError(error) || error.status !== 404 || createPath === "/generations") throw error;
      createPath = "/generations";
      ctx.log({ level: "warn", event: "luma.official.create_path", detail: { path: createPath } });
      return send(ctx, { method: "POST", path: createPath, body, idempotent: false, ...call }, snapshotOf);
    }
  };

  return {
    get createPath() {
      return createPath;
    },

    async create(req, call = {}) {
      const valid = validGeneration(req, ctx.redact);
      const keyframes = framesOf(
        valid.startImageUrl ? { type: "image", url: valid.startImageUrl } : undefined,
        valid.endImageUrl ? { type: "image", url: valid.endImageUrl } : undefined,
      );
      const body = officialCreateBodySchema.parse({
        prompt: valid.prompt,
        model: valid.model ?? OFFICIAL_CAPABILITIES.defaultModel,
        aspect_ratio: valid.aspectRatio,
        loop: valid.loop,
        resolution: valid.resolution,
        duration: valid.duration,
        callback_url: valid.callbackUrl,
        keyframes,
        concepts: req.concepts?.length ? req.concepts.map((key) => ({ key })) : undefined,
      });
      return post(body, call);
    },

    async extend(req, call = {}) {
      const valid = validExtend(req, ctx.redact);
      const backward = valid.direction === "backward";
      // The parent takes frame0 (forward) or frame1 (backward); a keyframe on that side has nowhere to go.
      if (backward ? valid.endImageUrl : valid.startImageUrl) {
        throw new LumaError({
          kind: "rejected",
          message: backward
            ? "Request not sent: a backward extension cannot take an end image"
            : "Request not sent: an extension cannot take a start image",
        });
      }
      const parent: Keyframe = { type: "generation", id: valid.parentUpstreamId };
      const body = officialCreateBodySchema.parse({
        prompt: valid.prompt,
        model: OFFICIAL_CAPABILITIES.defaultModel,
        aspect_ratio: valid.aspectRatio,
        callback_url: valid.callbackUrl,
        keyframes: backward
          ? framesOf(valid.startImageUrl ? { type: "image", url: valid.startImageUrl } : undefined, parent)
          : framesOf(parent, valid.endImageUrl ? { type: "image", url: valid.endImageUrl } : undefined),
      });
      return post(body, call);
    },

    async edit(req, call = {}) {
      if (req.tool === "interpolate") {
        const body = officialCreateBodySchema.parse({
          prompt: req.prompt,
          model: OFFICIAL_CAPABILITIES.defaultModel,
          aspect_ratio: req.aspectRatio,
          callback_url: req.callbackUrl,
          keyframes: framesOf(
            { type: "generation", id: req.fromUpstreamId },
            { type: "generation", id: req.toUpstreamId },
          ),
        });
        return post(body, call);
      }
      const { path, body } = editCall(req);
      return send(ctx, { method: "POST", path, body, idempotent: false, ...call }, snapshotOf);
    },

    async createImage(req, call = {}) {
      const images = OFFICIAL_CAPABILITIES.images;
      const body = officialImageBodySchema.parse({
        generation_type: "image",
        prompt: req.prompt,
        model: req.model ?? images?.defaultModel ?? "photon-1",
        aspect_ratio: req.aspectRatio,
        format: req.format,
        image_ref: req.imageRefs?.length ? req.imageRefs : undefined,
        style_ref: req.styleRef ? [req.styleRef] : undefined,
        character_ref: req.characterImages?.length
          ? { identity0: { images: req.characterImages } }
          : undefined,
        callback_url: req.callbackUrl,
      });
      return send(
        ctx,
        { method: "POST", path: "/generations/image", body, idempotent: false, ...call },
        snapshotOf,
      );
    },

    async get(upstreamId, call = {}) {
      const path = `/generations/${idSegment(upstreamId)}`;
      return send(ctx, { method: "GET", path, idempotent: true, ...call }, snapshotOf);
    },

    async list(page = {}, call = {}) {
      const query = new URLSearchParams();
      if (page.limit !== undefined) query.set("limit", String(page.limit));
      if (page.offset !== undefined) query.set("offset", String(page.offset));
      const path = `/generations${query.size ? `?${query}` : ""}`;
      return send(ctx, { method: "GET", path, idempotent: true, ...call }, (answer) => {
        const parsed = officialListSchema.safeParse(jsonOf(answer));
        if (!parsed.success) return normalizeFailure(answer);
        // An item that cannot be read is left out rather than failing the page.
        const generations = parsed.data.generations.flatMap((item): ListedGeneration[] => {
          const result = tryNormalize(item, { redact: ctx.redact });
          if (!result.ok) return [];
          return [{ ...result.snapshot, settings: requestedSettings(item, { redact: ctx.redact }) }];
        });
        const { has_more: hasMore, count, limit, offset } = parsed.data;
        return { hasMore, count: count ?? null, limit: limit ?? null, offset: offset ?? null, generations };
      });
    },

    async delete(upstreamId, call = {}) {
      const path = `/generations/${idSegment(upstreamId)}`;
      await send(ctx, { method: "DELETE", path, idempotent: true, ...call }, () => undefined);
    },

    async concepts(call = {}) {
      const path = "/generations/concepts/list";
      return send(ctx, { method: "GET", path, idempotent: true, ...call }, (answer) => {
        const parsed = conceptListSchema.safeParse(jsonOf(answer));
        return parsed.success ? parsed.data : normalizeFailure(answer);
      });
    },

    async credits(call = {}) {
      return send(ctx, { method: "GET", path: "/credits", idempotent: true, ...call }, (answer) => {
        const parsed = creditsSchema.safeParse(jsonOf(answer));
        return parsed.success ? parsed.data.credit_balance : normalizeFailure(answer);
      });
    },
  };

  /** Throws the unreadable error for an answer whose JSON is not the expected shape. */
  function normalizeFailure(answer: HttpAnswer): never {
    throw new LumaError({
      kind: "unreadable",
      message: summaryFor("unreadable", answer.status),
      status: answer.status,
      bodySnippet: bodySnippet(answer.text, ctx.redact),
      redact: ctx.redact,
    });
  }
}

/** Where each edit goes and what it sends, checked against the wire shape before it leaves. */
function editCall(req: Exclude<EditRequest, { tool: "interpolate" }>): { path: string; body: unknown } {
  switch (req.tool) {
    case "upscale":
      return {
        path: `/generations/${idSegment(req.sourceUpstreamId)}/upscale`,
        body: officialUpscaleBodySchema.parse({
          generation_type: "upscale_video",
          resolution: req.resolution,
          callback_url: req.callbackUrl,
        }),
      };
    case "audio":
      return {
        path: `/generations/${idSegment(req.sourceUpstreamId)}/audio`,
        body: officialAudioBodySchema.parse({
          generation_type: "add_audio",
          prompt: req.prompt || undefined,
          negative_prompt: req.negativePrompt || undefined,
          callback_url: req.callbackUrl,
        }),
      };
    case "reframe":
      return {
        path: "/generations/video/reframe",
        body: officialReframeBodySchema.parse({
          generation_type: "reframe_video",
          media: { url: req.sourceVideoUrl },
          aspect_ratio: req.aspectRatio,
          model: req.model ?? OFFICIAL_CAPABILITIES.defaultModel,
          prompt: req.prompt || undefined,
          x_start: req.bounds?.xStart,
          x_end: req.bounds?.xEnd,
          y_start: req.bounds?.yStart,
          y_end: req.bounds?.yEnd,
          callback_url: req.callbackUrl,
        }),
      };
    case "modify":
      return {
        path: "/generations/video/modify",
        body: officialModifyBodySchema.parse({
          generation_type: "modify_video",
          media: { url: req.sourceVideoUrl },
          mode: req.mode,
          model: req.model ?? OFFICIAL_CAPABILITIES.defaultModel,
          prompt: req.prompt || undefined,
          first_frame: req.firstFrameUrl ? { url: req.firstFrameUrl } : undefined,
          callback_url: req.callbackUrl,
        }),
      };
  }
}

function framesOf(frame0: Keyframe | undefined, frame1: Keyframe | undefined) {
  if (!frame0 && !frame1) return undefined;
  return { ...(frame0 ? { frame0 } : {}), ...(frame1 ? { frame1 } : {}) };
}
