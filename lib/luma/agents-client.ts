import { normalizeAgents } from "./agents-normalize";
import {
  AGENTS_VIDEO_MODEL,
  type AgentsCreateBody,
  type AgentsImageRef,
  type AgentsVideoOptions,
  agentsCreateBodySchema,
} from "./agents-schemas";
import { AGENTS_CAPABILITIES } from "./capabilities";
import { LumaError, type Redact } from "./errors";
import { createHttpContext, type HttpAnswer, type HttpContext, requireJson, send } from "./http";
import { idSegment } from "./request";
import type {
  CallOptions,
  ClientOptions,
  ExtendRequest,
  GenerationRequest,
  ImageRequest,
  UpstreamSnapshot,
} from "./types";

export const AGENTS_BASE_URL = "https://agents.lumalabs.ai/v1";

export type AgentsClientOptions = Omit<ClientOptions, "baseUrl"> & { baseUrl?: string };

/** What only the Agents API offers on top of the neutral request; every field optional, so it fits `submit`. */
export interface AgentsVideoExtras {
  hdr?: boolean;
  /** EXR frames besides the video; needs `hdr`. */
  exrExport?: boolean;
  /** The end-user's opaque id, for Luma's per-user usage breakdown. */
  userId?: string;
}

export interface AgentsGenerationRequest extends GenerationRequest, AgentsVideoExtras {
  /** Start from an earlier generation's output instead of an image (`start_frame: {generation_id}`). */
  startGenerationId?: string;
  endGenerationId?: string;
}

export interface AgentsExtendRequest extends ExtendRequest, AgentsVideoExtras {
  duration?: string;
  resolution?: string;
}

export interface AgentsImageRequest extends ImageRequest {
  userId?: string;
}

export interface AgentsClient {
  /** A Ray 3.2 clip (`type: video`). Never retried once the upstream may have accepted it (429 aside). */
  create(req: AgentsGenerationRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** A clip that continues the parent (`start_frame`), or leads into it when `direction` is backward. */
  extend(req: AgentsExtendRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  /** A Uni-1 still (`type: image`); the picture arrives as the snapshot's `thumbnailUrl`. */
  createImage(req: AgentsImageRequest, options?: CallOptions): Promise<UpstreamSnapshot>;
  get(upstreamId: string, options?: CallOptions): Promise<UpstreamSnapshot>;
}

const DEFAULT_DURATION = "5s";
const DEFAULT_RESOLUTION = "720p";

export function createAgentsClient(options: AgentsClientOptions): AgentsClient {
  const ctx = createHttpContext({ ...options, baseUrl: options.baseUrl ?? AGENTS_BASE_URL });
  const snapshotOf = (answer: HttpAnswer) => {
    noteLimits(answer, ctx);
    return normalizeAgents(requireJson(answer, ctx), { redact: ctx.redact });
  };
  const post = (fields: unknown, call: CallOptions) => {
    const body = checkedBody(fields, ctx.redact);
    return send(ctx, { method: "POST", path: "/generations", body, idempotent: false, ...call }, snapshotOf);
  };

  return {
    async create(req, call = {}) {
      refuseConcepts(req.concepts, ctx.redact);
      const start = frameOf(req.startImageUrl, req.startGenerationId, "start", ctx.redact);
      const end = frameOf(req.endImageUrl, req.endGenerationId, "end", ctx.redact);
      return post(
        {
          prompt: req.prompt,
          type: "video",
          model: req.model ?? AGENTS_CAPABILITIES.defaultModel,
          aspect_ratio: req.aspectRatio,
          user_id: req.userId,
          video: videoOptions(req, { start_frame: start, end_frame: end, loop: req.loop }),
        },
        call,
      );
    },

    async extend(req, call = {}) {
      const parent = req.parentUpstreamId?.trim();
      if (!parent) throw refusal("parentUpstreamId: the generation to extend is required", ctx.redact);
      const backward = req.direction === "backward";
      // The parent takes the start frame (forward) or the end frame (backward); that side is not free.
      if (backward ? req.endImageUrl : req.startImageUrl) {
        throw refusal(
          backward
            ? "endImageUrl: a backward extension ends on its parent, so it takes no end image"
            : "startImageUrl: an extension starts from its parent, so it takes no start image",
          ctx.redact,
        );
      }
      const chained: AgentsImageRef = { generation_id: parent };
      const other = imageRefOf(backward ? req.startImageUrl : req.endImageUrl);
      return post(
        {
          prompt: req.prompt,
          type: "video",
          model: AGENTS_VIDEO_MODEL,
          aspect_ratio: req.aspectRatio,
          user_id: req.userId,
          video: videoOptions(
            req,
            backward
              ? { start_frame: other, end_frame: chained }
              : { start_frame: chained, end_frame: other },
          ),
        },
        call,
      );
    },

    async createImage(req, call = {}) {
      if (req.styleRef || req.characterImages?.length) {
        throw refusal(
          `${req.styleRef ? "styleRef" : "characterImages"}: the Agents API takes content references only (imageRefs)`,
          ctx.redact,
        );
      }
      const images = AGENTS_CAPABILITIES.images;
      return post(
        {
          prompt: req.prompt,
          type: "image",
          model: req.model ?? images?.defaultModel,
          aspect_ratio: req.aspectRatio,
          output_format: req.format === "jpg" ? "jpeg" : req.format,
          // The Agents API has no reference weights; a reference counts fully.
          image_ref: req.imageRefs?.length ? req.imageRefs.map((ref) => imageRefOf(ref.url)) : undefined,
          user_id: req.userId,
        },
        call,
      );
    },

    async get(upstreamId, call = {}) {
      const path = `/generations/${idSegment(upstreamId)}`;
      return send(ctx, { method: "GET", path, idempotent: true, ...call }, snapshotOf);
    },
  };
}

function videoOptions(
  req: AgentsVideoExtras & { duration?: string; resolution?: string },
  frames: Pick<AgentsVideoOptions, "start_frame" | "end_frame" | "loop">,
) {
  return {
    duration: req.duration ?? DEFAULT_DURATION,
    resolution: req.resolution ?? DEFAULT_RESOLUTION,
    ...frames,
    hdr: req.hdr,
    exr_export: req.exrExport,
  };
}

/** A keyframe from an image URL or an earlier generation, never both. */
function frameOf(
  url: string | undefined,
  generationId: string | undefined,
  side: "start" | "end",
  redact: Redact,
): AgentsImageRef | undefined {
  if (url && generationId) {
    throw refusal(`${side}ImageUrl: give a ${side} image or a ${side} generation, not both`, redact);
  }
  return generationId ? { generation_id: generationId } : imageRefOf(url);
}

/** An http(s) URL as `{url}`, a `data:` URL as `{data, media_type}`; anything else is left for the schema. */
function imageRefOf(url: string | undefined): AgentsImageRef | undefined {
  if (url === undefined) return undefined;
  const inline = /^data:([a-z]+\/[a-z0-9.+-]+);base64,(.*)$/is.exec(url);
  if (inline) return { data: inline[2] ?? "", media_type: inline[1]!.toLowerCase() };
  return { url };
}

function refuseConcepts(concepts: string[] | undefined, redact: Redact) {
  if (concepts?.length) throw refusal("concepts: the Agents API has no camera concepts", redact);
}

/** The body as the wire schema accepts it, with undefined fields left out; else every problem, by field. */
function checkedBody(fields: unknown, redact: Redact): AgentsCreateBody {
  const parsed = agentsCreateBodySchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.join(".");
    return field ? `${field}: ${issue.message}` : issue.message;
  });
  throw refusal(problems.join("; "), redact);
}

function refusal(text: string, redact: Redact): LumaError {
  return new LumaError({ kind: "rejected", message: `Request not sent: ${text}`, redact });
}

/** The rate-limit and version headers of an accepted call, for the log (they are not in the body). */
function noteLimits(answer: HttpAnswer, ctx: HttpContext) {
  const header = (name: string) => {
    const value = answer.headers.get(name)?.trim();
    return value ? ctx.redact(value) : null;
  };
  const limit = header("x-ratelimit-limit");
  const remaining = header("x-ratelimit-remaining");
  if (limit === null && remaining === null) return;
  ctx.log({
    level: "debug",
    event: "luma.agents.rate_limit",
    detail: {
      limit,
      remaining,
      reset: header("x-ratelimit-reset"),
      requestId: header("x-request-id"),
      apiVersion: header("x-api-version"),
    },
  });
}
