/** Internal shapes the rest of the studio sees; nothing here mirrors a wire format. */

export type UpstreamState = "queued" | "running" | "completed" | "failed";

export interface UpstreamSnapshot {
  upstreamId: string;
  state: UpstreamState;
  /** The upstream's own word, kept for logs and support. */
  rawState: string | null;
  /** Best URL for the video, watermark-free preferred. */
  videoUrl: string | null;
  watermarkedVideoUrl: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  thumbnailUrl: string | null;
  lastFrameUrl: string | null;
  failureReason: string | null;
  /**
   * The upstream's machine-readable failure word (Agents API `failure_code`), kept as sent so the studio
   * can later say what to change; absent where the upstream has none.
   */
  failureCode?: string | null;
  createdAt: Date | null;
  estimateWaitSeconds: number | null;
  prompt: string | null;
}

/** What a generation was asked for, as far as its answer tells (the official API echoes its `request`). */
export interface RequestedSettings {
  aspectRatio: string | null;
  resolution: string | null;
  duration: string | null;
  model: string | null;
  loop: boolean | null;
  /** A still (official `generation_type` image or reframe_image), not a clip: its picture is the thumbnail. */
  image: boolean;
}

/** One generation of an account's listing: its snapshot and the settings it was made with. */
export interface ListedGeneration extends UpstreamSnapshot {
  settings: RequestedSettings;
}

/** A page of the account's generations, newest first (`GET /generations?limit=&offset=`). */
export interface GenerationPage {
  hasMore: boolean;
  count: number | null;
  limit: number | null;
  offset: number | null;
  generations: ListedGeneration[];
}

/** Provider-neutral request. Image URLs are http(s) URLs or data: URLs. */
export interface GenerationRequest {
  prompt: string;
  expandPrompt?: boolean;
  loop?: boolean;
  aspectRatio?: string;
  model?: string;
  resolution?: string;
  duration?: string;
  startImageUrl?: string;
  endImageUrl?: string;
  /** Camera motions by key (official `concepts: [{key}]`, from `GET /generations/concepts/list`). */
  concepts?: string[];
  callbackUrl?: string;
}

export interface ExtendRequest {
  parentUpstreamId: string;
  /** `backward`: a new segment that leads into the clip (official `frame1` = the clip); default forward. */
  direction?: "forward" | "backward";
  prompt: string;
  expandPrompt?: boolean;
  aspectRatio?: string;
  startImageUrl?: string;
  endImageUrl?: string;
  callbackUrl?: string;
}

/** Modify strengths, from closest to the source to furthest (the official API's `mode`). */
export const MODIFY_MODES = [
  "adhere_1",
  "adhere_2",
  "adhere_3",
  "flex_1",
  "flex_2",
  "flex_3",
  "reimagine_1",
  "reimagine_2",
  "reimagine_3",
] as const;
export type ModifyMode = (typeof MODIFY_MODES)[number];

/** A new generation made from a finished one: a higher resolution, a soundtrack, or a restyle. */
export type EditRequest =
  | { tool: "upscale"; sourceUpstreamId: string; resolution: string; callbackUrl?: string }
  | {
      tool: "audio";
      sourceUpstreamId: string;
      prompt?: string;
      negativePrompt?: string;
      callbackUrl?: string;
    }
  | {
      tool: "modify";
      /** The source video, fetched by the upstream. */
      sourceVideoUrl: string;
      mode: ModifyMode;
      prompt?: string;
      model?: string;
      firstFrameUrl?: string;
      callbackUrl?: string;
    }
  | {
      tool: "reframe";
      sourceVideoUrl: string;
      aspectRatio: string;
      prompt?: string;
      model?: string;
      /** Where the source sits on the new canvas, in its pixels; unset = fitted and centred. */
      bounds?: { xStart: number; xEnd: number; yStart: number; yEnd: number };
      callbackUrl?: string;
    }
  | {
      tool: "interpolate";
      /** The bridge runs from this generation's last frame to the other's first. */
      fromUpstreamId: string;
      toUpstreamId: string;
      prompt: string;
      aspectRatio?: string;
      callbackUrl?: string;
    };
export type EditTool = EditRequest["tool"];

/** A reference image and how strongly it steers the picture (0–1). */
export interface WeightedImage {
  url: string;
  weight?: number;
}

/** A still made from text (official Photon): usable as a clip's keyframe. */
export interface ImageRequest {
  prompt: string;
  model?: string;
  aspectRatio?: string;
  format?: "jpg" | "png";
  /** Pictures whose content the new one draws on. */
  imageRefs?: WeightedImage[];
  /** A picture whose look (colour, texture, medium) the new one takes. */
  styleRef?: WeightedImage;
  /** Photos of one person who should appear in the picture. */
  characterImages?: string[];
  callbackUrl?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Structured log line; every string in it has already had the API token scrubbed. */
export interface LumaLogLine {
  level: "debug" | "warn";
  event: string;
  detail: Record<string, string | number | boolean | null>;
}

export type LumaLogger = (line: LumaLogLine) => void;

/** Transport settings shared by both clients. Times are in milliseconds. */
export interface ClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Per-attempt limit, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts for calls that are safe to repeat. */
  retries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A longer `retry-after` is not waited out; the call fails as rate_limited instead. */
  maxRetryAfterMs?: number;
  log?: LumaLogger;
}
