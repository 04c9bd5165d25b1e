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
  createdAt: Date | null;
  estimateWaitSeconds: number | null;
  prompt: string | null;
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
  callbackUrl?: string;
}

export interface ExtendRequest {
  parentUpstreamId: string;
  prompt: string;
  expandPrompt?: boolean;
  aspectRatio?: string;
  startImageUrl?: string;
  endImageUrl?: string;
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
