import { errorFromBody, isSuccessCode, looksLikeErrorBody } from "./error-body";
import { bodySnippet, isLumaError, LumaError, noRedaction, type Redact, summaryFor } from "./errors";
import {
  downloadOf,
  firstUrl,
  isMediaObject,
  isRecord,
  nonEmpty,
  nonNegative,
  parseTime,
  pickVideo,
  positive,
  urlOf,
} from "./fields";
import {
  batchItemSchema,
  codeWrapperSchema,
  officialGenerationSchema,
  relayTaskSchema,
  taskStatusSchema,
  type WireMedia,
} from "./schemas";
import { combineStates } from "./state";
import type { RequestedSettings, UpstreamSnapshot } from "./types";

export interface NormalizeOptions {
  /** Scrubs secrets from anything kept from the body (messages, snippets, prompt, failure reason). */
  redact?: Redact;
}

export type NormalizeResult = { ok: true; snapshot: UpstreamSnapshot } | { ok: false; error: LumaError };

// Wrappers nest at most two deep on the wire; the cap only stops pathological input.
const MAX_DEPTH = 6;

/** Any single-task answer → snapshot. Throws LumaError (never anything else) for error bodies and junk. */
export function normalize(body: unknown, options: NormalizeOptions = {}): UpstreamSnapshot {
  const redact = options.redact ?? noRedaction;
  try {
    return normalizeOne(body, redact, 0);
  } catch (error) {
    if (isLumaError(error)) throw error;
    throw unreadable(body, redact, "it could not be interpreted", error);
  }
}

export function tryNormalize(body: unknown, options: NormalizeOptions = {}): NormalizeResult {
  try {
    return { ok: true, snapshot: normalize(body, options) };
  } catch (error) {
    if (isLumaError(error)) return { ok: false, error };
    return { ok: false, error: unreadable(body, options.redact ?? noRedaction, "unexpected failure", error) };
  }
}

/**
 * Batch answers (raw array, `{code, data: [...]}`, or a single task) → snapshots. Items that cannot be read
 * are left out, so the caller can fetch those ids one by one; a body with nothing readable throws.
 */
export function normalizeMany(body: unknown, options: NormalizeOptions = {}): UpstreamSnapshot[] {
  const redact = options.redact ?? noRedaction;
  const items = listItems(body, redact);
  const results = items.map((item) => tryNormalize(item, options));
  const snapshots = results.flatMap((result) => (result.ok ? [result.snapshot] : []));
  const firstFailure = results.find((result) => !result.ok);
  if (snapshots.length === 0 && firstFailure && !firstFailure.ok) throw firstFailure.error;
  return snapshots;
}

function listItems(body: unknown, redact: Redact): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isRecord(body)) throw unreadable(body, redact, "expected a list of tasks");
  const wrapped = unwrapCode(body, redact);
  if (wrapped !== NOT_WRAPPED) return Array.isArray(wrapped) ? wrapped : [wrapped];
  if (looksLikeErrorBody(body)) throw errorFromBody(body, { redact });
  return [body];
}

function normalizeOne(body: unknown, redact: Redact, depth: number): UpstreamSnapshot {
  if (depth > MAX_DEPTH) throw unreadable(body, redact, "it is nested too deeply");
  if (Array.isArray(body)) {
    // Relays that pass Luma's web API through answer with a one-element array.
    if (body.length === 1) return normalizeOne(body[0], redact, depth + 1);
    throw unreadable(body, redact, `expected one task, got a list of ${body.length}`);
  }
  if (!isRecord(body)) throw unreadable(body, redact, "expected a JSON object");
  const wrapped = unwrapCode(body, redact);
  if (wrapped !== NOT_WRAPPED) return normalizeOne(wrapped, redact, depth + 1);
  if (looksLikeErrorBody(body)) throw errorFromBody(body, { redact });
  return snapshotOf(body, redact);
}

const NOT_WRAPPED: unique symbol = Symbol("not wrapped");

/** The payload of a `{code, message, data}` answer (throwing the error it reports), else the body itself. */
export function unwrapEnvelope(body: unknown, options: NormalizeOptions = {}): unknown {
  const redact = options.redact ?? noRedaction;
  if (!isRecord(body)) return body;
  const wrapped = unwrapCode(body, redact);
  if (wrapped !== NOT_WRAPPED) return wrapped;
  if (looksLikeErrorBody(body)) throw errorFromBody(body, { redact });
  return body;
}

/** `{code, message, data}`: the data on success; throws the error a failure code stands for. */
function unwrapCode(body: Record<string, unknown>, redact: Redact): unknown {
  if (!("code" in body) || "id" in body || "state" in body) return NOT_WRAPPED;
  const wrapper = codeWrapperSchema.safeParse(body);
  if (!wrapper.success) throw unreadable(body, redact, "the wrapper's code is not a number or string");
  if (!isSuccessCode(wrapper.data.code)) throw errorFromBody(body, { redact });
  if (wrapper.data.data === null || wrapper.data.data === undefined) {
    throw unreadable(body, redact, "the wrapper holds no data");
  }
  return wrapper.data.data;
}

/** The official `generation_type`s whose result is a picture, not a video. */
const STILL_TYPE = /^(image|reframe_image)$/i;

interface Facts {
  id: string | null;
  stateWord: string | null;
  videos: (string | null | undefined)[];
  media: WireMedia[];
  thumbnail: string | null;
  /** A still (official `generation_type` image or reframe_image): done with its picture, no video. */
  still: boolean;
  lastFrame: string | null;
  failure: string | null;
  createdAt: Date | null;
  estimateWait: number | null;
  prompt: string | null;
}

function snapshotOf(record: Record<string, unknown>, redact: Redact): UpstreamSnapshot {
  const outer = readLevel(record);
  // Batch items wrap the task object in `data`, next to the relay's own tracking fields.
  const inner = isRecord(record.data) ? readLevel(record.data) : null;
  const id = outer.id ?? inner?.id ?? null;
  if (id === null) throw unreadable(record, redact, "it has no task id");
  const facts = inner ? mergeFacts(outer, inner) : outer;
  let state = combineStates(outer.stateWord, inner?.stateWord ?? null);
  const { videoUrl, watermarkedVideoUrl } = pickVideo(facts.videos);
  // "completed" can arrive before the video (or a still's picture) does; only a usable URL makes it done.
  const result = facts.still ? facts.thumbnail : videoUrl;
  if (state === "completed" && result === null) state = "running";
  const sized = facts.media.find((m) => isMediaObject(m) && positive(m.width) && positive(m.height));
  const timed = facts.media.find((m) => isMediaObject(m) && positive(m.duration));
  const redactOrNull = (value: string | null) => (value === null ? null : redact(value));
  return {
    upstreamId: id,
    state,
    rawState: redactOrNull(outer.stateWord ?? inner?.stateWord ?? null),
    videoUrl,
    watermarkedVideoUrl,
    width: isMediaObject(sized) ? positive(sized.width) : null,
    height: isMediaObject(sized) ? positive(sized.height) : null,
    durationSeconds: isMediaObject(timed) ? positive(timed.duration) : null,
    thumbnailUrl: facts.thumbnail,
    lastFrameUrl: facts.lastFrame,
    failureReason: redactOrNull(facts.failure),
    createdAt: facts.createdAt,
    estimateWaitSeconds: facts.estimateWait,
    prompt: redactOrNull(facts.prompt),
  };
}

/** Reads one level with every shape's field names; absent or ill-typed fields come back null. */
function readLevel(record: Record<string, unknown>): Facts {
  const task = relayTaskSchema.parse(record);
  const official = officialGenerationSchema.parse(record);
  const status = taskStatusSchema.parse(record);
  const item = batchItemSchema.parse(record);
  const artifact = task.artifact;
  return {
    id: task.id ?? status.task_id ?? null,
    stateWord: nonEmpty(task.state) ?? nonEmpty(status.task_status) ?? nonEmpty(item.status),
    // Preference order; watermarked files are demoted later wherever they sit.
    videos: [
      downloadOf(task.video),
      urlOf(task.video_raw),
      downloadOf(artifact?.video),
      urlOf(artifact?.video),
      urlOf(artifact?.video_raw),
      urlOf(task.video),
      official.assets?.video,
    ],
    media: [task.video_raw, task.video, artifact?.video_raw ?? null, artifact?.video ?? null],
    thumbnail: firstUrl([
      urlOf(task.thumbnail),
      isMediaObject(task.video) ? task.video.thumbnail : null,
      urlOf(artifact?.thumbnail),
      official.assets?.image,
    ]),
    still: STILL_TYPE.test(official.generation_type ?? "") && Boolean(official.assets?.image),
    lastFrame: firstUrl([urlOf(task.last_frame), urlOf(artifact?.last_frame)]),
    failure: nonEmpty(task.failure_reason) ?? nonEmpty(item.fail_reason),
    createdAt: parseTime(task.created_at) ?? parseTime(artifact?.created_at) ?? parseTime(item.submit_time),
    estimateWait: nonNegative(task.estimate_wait_seconds),
    prompt: nonEmpty(task.prompt) ?? nonEmpty(task.request?.prompt) ?? nonEmpty(task.request?.user_prompt),
  };
}

/**
 * The settings a generation was made with, from its `request` echo (official) or the task object's own
 * fields; each null when absent or not a plausible value, so an odd answer never invents a setting.
 */
export function requestedSettings(body: unknown, options: NormalizeOptions = {}): RequestedSettings {
  const redact = options.redact ?? noRedaction;
  const record = Array.isArray(body) && body.length === 1 ? body[0] : body;
  if (!isRecord(record))
    return { aspectRatio: null, resolution: null, duration: null, model: null, loop: null, image: false };
  const task = relayTaskSchema.parse(record);
  const official = officialGenerationSchema.parse(record);
  const request = task.request;
  const plausible = (value: string | null | undefined, pattern: RegExp) => {
    const word = nonEmpty(value);
    return word !== null && pattern.test(word) ? word : null;
  };
  return {
    aspectRatio: plausible(request?.aspect_ratio, /^\d{1,2}:\d{1,2}$/),
    resolution: plausible(request?.resolution, /^(\d{3,4}p|4k)$/i)?.toLowerCase() ?? null,
    duration: plausible(request?.duration, /^\d{1,2}s$/),
    model: plausible(redact(official.model ?? request?.model ?? request?.model_name ?? ""), /^[\w.-]{1,40}$/),
    loop: typeof request?.loop === "boolean" ? request.loop : null,
    image: STILL_TYPE.test(official.generation_type ?? ""),
  };
}

/** Inner (task object) facts win; the wrapper's fill the gaps. The id stays the relay's (outer) one. */
function mergeFacts(outer: Facts, inner: Facts): Facts {
  return {
    id: outer.id ?? inner.id,
    stateWord: outer.stateWord ?? inner.stateWord,
    videos: [...inner.videos, ...outer.videos],
    media: [...inner.media, ...outer.media],
    thumbnail: inner.thumbnail ?? outer.thumbnail,
    still: inner.still || outer.still,
    lastFrame: inner.lastFrame ?? outer.lastFrame,
    failure: inner.failure ?? outer.failure,
    createdAt: inner.createdAt ?? outer.createdAt,
    estimateWait: inner.estimateWait ?? outer.estimateWait,
    prompt: inner.prompt ?? outer.prompt,
  };
}

/** An answer the studio cannot read, with a redacted snippet of it; shared by every wire's normalizer. */
export function unreadable(body: unknown, redact: Redact, reason: string, cause?: unknown): LumaError {
  return new LumaError({
    kind: "unreadable",
    message: `${summaryFor("unreadable")}: ${reason}`,
    bodySnippet: bodySnippet(safeStringify(body), redact),
    cause,
    redact,
  });
}

function safeStringify(body: unknown): string {
  try {
    return typeof body === "string" ? body : (JSON.stringify(body) ?? String(body));
  } catch {
    return String(body);
  }
}
