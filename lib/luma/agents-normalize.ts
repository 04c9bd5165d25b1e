import { agentsGenerationSchema, agentsOutputSchema } from "./agents-schemas";
import { errorFromBody, looksLikeErrorBody } from "./error-body";
import { noRedaction } from "./errors";
import { isHttpUrl, isRecord, nonEmpty, parseTime, positive } from "./fields";
import { type NormalizeOptions, unreadable } from "./normalize";
import { mapState } from "./state";
import type { UpstreamSnapshot } from "./types";

/** Generation `type`s whose result is a picture, and those whose result is a video. */
const STILL_TYPES: ReadonlySet<string> = new Set(["image", "image_edit"]);
const VIDEO_TYPES: ReadonlySet<string> = new Set(["video", "video_edit", "video_reframe"]);

type Output = ReturnType<typeof agentsOutputSchema.parse>;

/**
 * An Agents API Generation → snapshot. Throws LumaError for an error body or an answer without an id.
 * The result is picked from `output` by its `type`, whatever the order; items of other types are passed over.
 */
export function normalizeAgents(body: unknown, options: NormalizeOptions = {}): UpstreamSnapshot {
  const redact = options.redact ?? noRedaction;
  if (!isRecord(body)) throw unreadable(body, redact, "expected a JSON object");
  if (looksLikeErrorBody(body)) throw errorFromBody(body, { redact });
  const generation = agentsGenerationSchema.parse(body);
  if (!generation.id) throw unreadable(body, redact, "it has no generation id");

  const outputs = (generation.output ?? []).flatMap((item): Output[] => {
    const parsed = agentsOutputSchema.safeParse(item);
    return parsed.success && isHttpUrl(parsed.data.url) ? [parsed.data] : [];
  });
  const ofType = (type: string) => outputs.find((item) => item.type?.trim().toLowerCase() === type);
  const video = ofType("video");
  const image = ofType("image");
  const kind = nonEmpty(generation.type)?.toLowerCase() ?? null;
  // An unknown type is read by what it produced: a video if there is one, else a picture.
  const known = kind !== null && (STILL_TYPES.has(kind) || VIDEO_TYPES.has(kind));
  const still = known ? STILL_TYPES.has(kind) : !video && Boolean(image);
  const result = still ? image : video;

  const stateWord = nonEmpty(generation.state);
  let state = mapState(stateWord);
  // "completed" without its result is not done yet: the snapshot must carry something to show.
  if (state === "completed" && !result) state = "running";
  const redactOrNull = (value: string | null) => (value === null ? null : redact(value));
  return {
    upstreamId: generation.id,
    state,
    rawState: redactOrNull(stateWord),
    videoUrl: still ? null : (video?.url?.trim() ?? null),
    watermarkedVideoUrl: null,
    width: positive(result?.width) ?? null,
    height: positive(result?.height) ?? null,
    durationSeconds: still ? null : (positive(video?.duration) ?? null),
    // A still's picture goes where a poster goes, as with the official Photon images.
    thumbnailUrl: image?.url?.trim() ?? null,
    lastFrameUrl: null,
    failureReason: redactOrNull(nonEmpty(generation.failure_reason)),
    failureCode: redactOrNull(nonEmpty(generation.failure_code)),
    createdAt: parseTime(generation.created_at),
    estimateWaitSeconds: null,
    prompt: redactOrNull(nonEmpty(generation.prompt)),
  };
}
