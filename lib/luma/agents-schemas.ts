import { z } from "zod";
import { idLike, looseText, numberLike, timeLike } from "./schemas";
import { MODIFY_MODES } from "./types";

/*
 * Wire shapes of the Luma Agents API (UPSTREAM.md §5, from the `luma-agents` SDK's api.md and types).
 * The create body is strict and checked with every rule the API documents, so a refusal costs no call and
 * names the field and its limit. The Generation answer is forgiving, like the other answer schemas.
 */

export const AGENTS_TYPES = ["image", "image_edit", "video", "video_edit", "video_reframe"] as const;
export type AgentsType = (typeof AGENTS_TYPES)[number];
export const AGENTS_IMAGE_MODELS = ["uni-1", "uni-1-max"] as const;
export const AGENTS_VIDEO_MODEL = "ray-3.2";
export const AGENTS_MODELS = [...AGENTS_IMAGE_MODELS, AGENTS_VIDEO_MODEL] as const;
export const AGENTS_ASPECT_RATIOS = [
  "3:1",
  "2:1",
  "21:9",
  "16:9",
  "4:3",
  "3:2",
  "1:1",
  "3:4",
  "2:3",
  "9:16",
  "1:2",
  "1:3",
] as const;
/** The ratios ray-3.2 takes, a subset of the above. */
export const RAY_3_2_ASPECT_RATIOS = ["9:16", "3:4", "1:1", "4:3", "16:9", "21:9"] as const;
export const AGENTS_DURATIONS = ["5s", "10s"] as const;
export const AGENTS_RESOLUTIONS = ["540p", "720p", "1080p"] as const;
/** The edit strengths: the same nine as the official API's modify modes. */
export const AGENTS_EDIT_STRENGTHS = MODIFY_MODES;
export const PROMPT_MAX = 6000;
export const MAX_IMAGE_REFS = { image: 9, image_edit: 8 } as const;
export const MAX_EDIT_KEYFRAMES = 64;
export const MAX_SOURCE_SCALE = 2;

const VIDEO_TYPES: ReadonlySet<string> = new Set(["video", "video_edit", "video_reframe"]);
const IMAGE_TYPES: ReadonlySet<string> = new Set(["image", "image_edit"]);

const listOf = (values: readonly string[]) => values.join(", ");
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${listOf(values)}` });

/** Exactly one of `{url}`, `{data, media_type}`, `{generation_id}`; `media_type` may go with a url too. */
export const agentsImageRefSchema = z
  .strictObject({
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/i, "must be an http(s) URL")
      .optional(),
    data: z.string().min(1, "must not be empty").optional(),
    media_type: z
      .string()
      .regex(/^(image|video)\/[a-z0-9.+-]+$/i, "must be a MIME type such as image/png")
      .optional(),
    generation_id: z.string().trim().min(1, "must not be empty").optional(),
  })
  .superRefine((ref, ctx) => {
    const given = [ref.url, ref.data, ref.generation_id].filter((value) => value !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `takes exactly one of url, data or generation_id (got ${given})`,
      });
    }
    if (ref.data !== undefined && ref.media_type === undefined) {
      ctx.addIssue({ code: "custom", path: ["media_type"], message: "is required with data" });
    }
    if (ref.generation_id !== undefined && ref.media_type !== undefined) {
      ctx.addIssue({ code: "custom", path: ["media_type"], message: "does not go with generation_id" });
    }
  });
export type AgentsImageRef = z.infer<typeof agentsImageRefSchema>;

const enabled = z.boolean();
const editControlsSchema = z.strictObject({
  depth: z.strictObject({ enabled, blur: z.number().optional() }).optional(),
  face: z.strictObject({ enabled }).optional(),
  normals: z.strictObject({ enabled, augmentation: z.number().optional() }).optional(),
  pose: z.strictObject({ enabled, strength: oneOf(["precise", "coarse"]).optional() }).optional(),
  trajectory: z.strictObject({ enabled, sparsity: z.number().optional() }).optional(),
});

const videoEditSchema = z
  .strictObject({
    strength: oneOf(AGENTS_EDIT_STRENGTHS),
    auto_controls: z.boolean().optional(),
    controls: editControlsSchema.optional(),
    keyframes: z
      .array(agentsImageRefSchema)
      .max(MAX_EDIT_KEYFRAMES, `at most ${MAX_EDIT_KEYFRAMES} keyframes`)
      .optional(),
    keyframe_indexes: z.array(z.number().int("must be whole numbers").nonnegative()).optional(),
  })
  .superRefine((edit, ctx) => {
    const frames = edit.keyframes?.length ?? 0;
    const indexes = edit.keyframe_indexes?.length ?? 0;
    if (edit.keyframe_indexes !== undefined && frames !== indexes) {
      ctx.addIssue({
        code: "custom",
        path: ["keyframe_indexes"],
        message: `must have one index per keyframe (${frames} keyframes, ${indexes} indexes)`,
      });
    }
  });

const finite = z.number().refine(Number.isFinite, "must be a finite number");
const scale = z
  .number()
  .positive("must be above 0")
  .max(MAX_SOURCE_SCALE, `must be at most ${MAX_SOURCE_SCALE}`);

export const agentsVideoOptionsSchema = z.strictObject({
  duration: oneOf(AGENTS_DURATIONS),
  resolution: oneOf(AGENTS_RESOLUTIONS),
  start_frame: agentsImageRefSchema.optional(),
  end_frame: agentsImageRefSchema.optional(),
  loop: z.boolean().optional(),
  hdr: z.boolean().optional(),
  exr_export: z.boolean().optional(),
  /** Where the source sits on the new canvas, as fractions of it (reframe only). */
  source_position: z
    .strictObject({ x_norm: finite, y_norm: finite, w_norm: scale, h_norm: scale })
    .optional(),
  edit: videoEditSchema.optional(),
});
export type AgentsVideoOptions = z.infer<typeof agentsVideoOptionsSchema>;

export const agentsCreateBodySchema = z
  .strictObject({
    prompt: z.string().superRefine((value, ctx) => {
      if (value.trim().length === 0 || value.length > PROMPT_MAX) {
        ctx.addIssue({
          code: "custom",
          message: `must be 1 to ${PROMPT_MAX} characters (got ${value.length})`,
        });
      }
    }),
    type: oneOf(AGENTS_TYPES),
    model: oneOf(AGENTS_MODELS),
    aspect_ratio: oneOf(AGENTS_ASPECT_RATIOS).optional(),
    source: agentsImageRefSchema.optional(),
    image_ref: z.array(agentsImageRefSchema).optional(),
    output_format: oneOf(["png", "jpeg"]).optional(),
    style: oneOf(["auto", "manga"]).optional(),
    user_id: z.string().min(1).optional(),
    web_search: z.boolean().optional(),
    video: agentsVideoOptionsSchema.optional(),
  })
  .superRefine((body, ctx) => {
    const fail = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const video = VIDEO_TYPES.has(body.type);
    if (video && body.model !== AGENTS_VIDEO_MODEL) {
      fail(["model"], `type ${body.type} takes ${AGENTS_VIDEO_MODEL}`);
    }
    if (IMAGE_TYPES.has(body.type) && body.model === AGENTS_VIDEO_MODEL) {
      fail(["model"], `type ${body.type} takes ${listOf(AGENTS_IMAGE_MODELS)}`);
    }
    if (body.model === AGENTS_VIDEO_MODEL && body.aspect_ratio !== undefined) {
      if (!(RAY_3_2_ASPECT_RATIOS as readonly string[]).includes(body.aspect_ratio)) {
        fail(["aspect_ratio"], `${AGENTS_VIDEO_MODEL} takes ${listOf(RAY_3_2_ASPECT_RATIOS)}`);
      }
    }
    if (body.image_ref !== undefined) {
      const limit = body.type === "image_edit" ? MAX_IMAGE_REFS.image_edit : MAX_IMAGE_REFS.image;
      if (body.image_ref.length > limit) {
        fail(
          ["image_ref"],
          `at most ${limit} references for type ${body.type} (got ${body.image_ref.length})`,
        );
      }
    }
    if (body.source !== undefined && (body.type === "image" || body.type === "video")) {
      fail(["source"], "only for type image_edit, video_edit or video_reframe");
    }
    if ((body.type === "video_edit" || body.type === "video_reframe") && body.source === undefined) {
      fail(["source"], `is required for type ${body.type}`);
    }
    if (
      (body.type === "video_edit" || body.type === "video_reframe") &&
      body.source?.url !== undefined &&
      body.source.media_type === undefined
    ) {
      fail(["source", "media_type"], "is required with a video url as the source");
    }
    const options = body.video;
    if (!options) return;
    if (!video) {
      fail(["video"], "only for type video, video_edit or video_reframe");
      return;
    }
    if (options.loop) {
      if (body.type !== "video") fail(["video", "loop"], "only for type video");
      if (options.duration === "10s") fail(["video", "loop"], "not with a duration of 10s (5s only)");
      if (options.hdr) fail(["video", "loop"], "not with hdr");
    }
    if (options.hdr && body.type === "video_reframe") fail(["video", "hdr"], "not for type video_reframe");
    if (options.exr_export && !options.hdr) fail(["video", "exr_export"], "needs hdr: true");
    if (options.source_position && body.type !== "video_reframe") {
      fail(["video", "source_position"], "only for type video_reframe");
    }
    if (options.edit && body.type !== "video_edit") fail(["video", "edit"], "only for type video_edit");
  });
export type AgentsCreateBody = z.infer<typeof agentsCreateBodySchema>;

/** One item of a Generation's `output`; a type the studio does not know is kept, and passed over. */
export const agentsOutputSchema = z.looseObject({
  type: looseText,
  url: looseText,
  media_type: looseText,
  width: numberLike,
  height: numberLike,
  duration: numberLike,
});

/** Generation. `type`, `state` and `failure_code` are text, so a word added upstream still reads. */
export const agentsGenerationSchema = z.looseObject({
  id: idLike,
  created_at: timeLike,
  model: looseText,
  state: looseText,
  type: looseText,
  failure_code: looseText,
  failure_reason: looseText,
  prompt: looseText,
  output: z.array(z.unknown()).nullish().catch(null),
});
export type AgentsGeneration = z.infer<typeof agentsGenerationSchema>;
