import { z } from "zod";

/*
 * Wire shapes from UPSTREAM.md and the seeds. Answer schemas are deliberately forgiving: every field
 * falls back to null when it has an unexpected type, so one odd field never hides the rest of a task.
 * Request schemas are strict: we only ever send what we mean.
 */

const text = z.string().nullish().catch(null);
export const numberLike = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\s*-?\d+(\.\d+)?\s*$/)
      .transform(Number),
  ])
  .nullish()
  .catch(null);
/** Ids arrive as strings and, on some relays, numbers. */
export const idLike = z
  .union([z.string().min(1), z.number().transform(String)])
  .nullish()
  .catch(null);
/** ISO string or unix seconds. */
export const timeLike = z.union([z.string(), z.number()]).nullish().catch(null);

/** Text, or null when absent or of another type; shared by the Agents answer schemas. */
export { text as looseText };

const mediaObject = z.looseObject({
  url: text,
  download_url: text,
  width: numberLike,
  height: numberLike,
  duration: numberLike,
  /** Older relays put the thumbnail URL inside `video`. */
  thumbnail: text,
});
/** A media slot is an object, or (on some relays) just the URL. */
const media = z.union([z.string(), mediaObject]).nullish().catch(null);
export type WireMedia = z.infer<typeof media>;

const taskRequest = z
  .looseObject({
    prompt: text,
    user_prompt: text,
    aspect_ratio: text,
    model: text,
    model_name: text,
    resolution: text,
    duration: text,
    loop: z.boolean().nullish().catch(null),
  })
  .nullish()
  .catch(null);

/** Relay task object, newer and older relays alike (the older one is a subset). */
export const relayTaskSchema = z.looseObject({
  id: idLike,
  state: text,
  prompt: text,
  created_at: timeLike,
  queue_state: z.unknown().optional(),
  estimate_wait_seconds: numberLike,
  liked: z.unknown().optional(),
  failure_reason: text,
  batch_id: text,
  video: media,
  video_raw: media,
  thumbnail: media,
  last_frame: media,
  request: taskRequest,
  artifact: z
    .looseObject({
      video: media,
      video_raw: media,
      thumbnail: media,
      last_frame: media,
      created_at: timeLike,
    })
    .nullish()
    .catch(null),
});
export type RelayTask = z.infer<typeof relayTaskSchema>;

/** Official Generation object. */
export const officialGenerationSchema = z.looseObject({
  id: idLike,
  generation_type: text,
  state: text,
  failure_reason: text,
  created_at: timeLike,
  model: text,
  assets: z.looseObject({ video: text, image: text, progress_video: text }).nullish().catch(null),
  request: taskRequest,
});
export type OfficialGeneration = z.infer<typeof officialGenerationSchema>;

/** `data` of seed 002's wrapper: `{task_id, task_status, created_at, updated_at}`. */
export const taskStatusSchema = z.looseObject({
  task_id: idLike,
  task_status: text,
  created_at: timeLike,
  updated_at: timeLike,
});

/** Batch item: relay tracking fields around the task object in `data`. */
export const batchItemSchema = z.looseObject({
  task_id: idLike,
  status: text,
  fail_reason: text,
  submit_time: timeLike,
  finish_time: timeLike,
  data: z.unknown().optional(),
});

/** `{code, message, data}`; `code` is 200 / "success" on success, anything else is an error. */
export const codeWrapperSchema = z.looseObject({
  code: z.union([z.number(), z.string()]),
  message: text,
  msg: text,
  request_id: text,
  data: z.unknown().optional(),
});

export const downloadUrlSchema = z.looseObject({ url: z.string().min(1) });

export const officialListSchema = z.looseObject({
  has_more: z.boolean().catch(false),
  count: z.number().nullish().catch(null),
  limit: z.number().nullish().catch(null),
  offset: z.number().nullish().catch(null),
  generations: z.array(z.unknown()),
});

/**
 * `GET /generations/concepts/list`: camera-motion keys. Documented as `string[]`; `{concepts: [...]}` and
 * `{key}` objects are read too, and anything that is not a short key is left out.
 */
const conceptKey = z.union([z.string(), z.looseObject({ key: z.string() }).transform((item) => item.key)]);
export const conceptListSchema = z
  .union([
    z.array(z.unknown()),
    z.looseObject({ concepts: z.array(z.unknown()) }).transform((body) => body.concepts),
  ])
  .transform((items) => [
    ...new Set(
      items.flatMap((item) => {
        const key = conceptKey.safeParse(item);
        return key.success && /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(key.data) ? [key.data] : [];
      }),
    ),
  ]);

export const creditsSchema = z.looseObject({ credit_balance: z.number() });

/* Error bodies. */
export const detailTextErrorSchema = z.looseObject({ detail: z.string() });
export const detailObjectErrorSchema = z.looseObject({
  detail: z.looseObject({ reason: text, message: text, code: z.unknown().optional() }),
});
export const fastApiErrorSchema = z.looseObject({
  detail: z.array(z.looseObject({ loc: z.array(z.union([z.string(), z.number()])).catch([]), msg: text })),
});
export const openAiErrorSchema = z.looseObject({
  error: z.union([z.looseObject({ message: text, type: text, code: z.unknown().optional() }), z.string()]),
});

/* Requests. */
const imageUrl = z
  .string()
  .refine((url) => /^https?:\/\//i.test(url) || /^data:image\/[a-z0-9.+-]+;base64,/i.test(url), {
    message: "Image must be an http(s) URL or a data:image base64 URL",
  });
const httpUrl = z.string().regex(/^https?:\/\//i, "Callback must be an http(s) URL");

export const generationRequestSchema = z.object({
  prompt: z.string().trim().min(1, "Prompt is required").max(5000, "Prompt is longer than 5000 characters"),
  expandPrompt: z.boolean().optional(),
  loop: z.boolean().optional(),
  aspectRatio: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  resolution: z.string().min(1).optional(),
  duration: z.string().min(1).optional(),
  startImageUrl: imageUrl.optional(),
  endImageUrl: imageUrl.optional(),
  callbackUrl: httpUrl.optional(),
});

export const extendRequestSchema = z.object({
  parentUpstreamId: z.string().trim().min(1, "The generation to extend is required"),
  direction: z.enum(["forward", "backward"]).optional(),
  prompt: generationRequestSchema.shape.prompt,
  expandPrompt: z.boolean().optional(),
  aspectRatio: z.string().min(1).optional(),
  startImageUrl: imageUrl.optional(),
  endImageUrl: imageUrl.optional(),
  callbackUrl: httpUrl.optional(),
});

export const relaySubmitBodySchema = z.strictObject({
  user_prompt: z.string(),
  expand_prompt: z.boolean().optional(),
  loop: z.boolean().optional(),
  image_url: z.string().optional(),
  image_end_url: z.string().optional(),
  notify_hook: z.string().optional(),
  aspect_ratio: z.string().optional(),
  model_name: z.string().optional(),
  resolution: z.string().optional(),
  duration: z.string().optional(),
});
export type RelaySubmitBody = z.infer<typeof relaySubmitBodySchema>;

/** Extend takes the same fields minus `loop` and the model settings. */
export const relayExtendBodySchema = relaySubmitBodySchema.omit({
  loop: true,
  model_name: true,
  resolution: true,
  duration: true,
});
export type RelayExtendBody = z.infer<typeof relayExtendBodySchema>;

const keyframe = z.union([
  z.strictObject({ type: z.literal("image"), url: z.string() }),
  z.strictObject({ type: z.literal("generation"), id: z.string() }),
]);
export const officialCreateBodySchema = z.strictObject({
  prompt: z.string(),
  model: z.string().optional(),
  aspect_ratio: z.string().optional(),
  loop: z.boolean().optional(),
  resolution: z.string().optional(),
  duration: z.string().optional(),
  callback_url: z.string().optional(),
  keyframes: z.strictObject({ frame0: keyframe.optional(), frame1: keyframe.optional() }).optional(),
  concepts: z.array(z.strictObject({ key: z.string() })).optional(),
});
export type OfficialCreateBody = z.infer<typeof officialCreateBodySchema>;

/** Bodies of the official API's edit calls (UPSTREAM.md §4), checked before they leave. */
export const officialUpscaleBodySchema = z.strictObject({
  generation_type: z.literal("upscale_video"),
  resolution: z.string(),
  callback_url: z.string().optional(),
});
export const officialAudioBodySchema = z.strictObject({
  generation_type: z.literal("add_audio"),
  prompt: z.string().optional(),
  negative_prompt: z.string().optional(),
  callback_url: z.string().optional(),
});
export const officialReframeBodySchema = z.strictObject({
  generation_type: z.literal("reframe_video"),
  media: z.strictObject({ url: z.string() }),
  aspect_ratio: z.string(),
  model: z.string(),
  prompt: z.string().optional(),
  x_start: z.number().int().nonnegative().optional(),
  x_end: z.number().int().positive().optional(),
  y_start: z.number().int().nonnegative().optional(),
  y_end: z.number().int().positive().optional(),
  callback_url: z.string().optional(),
});
export const officialModifyBodySchema = z.strictObject({
  generation_type: z.literal("modify_video"),
  media: z.strictObject({ url: z.string() }),
  mode: z.string(),
  model: z.string(),
  prompt: z.string().optional(),
  first_frame: z.strictObject({ url: z.string() }).optional(),
  callback_url: z.string().optional(),
});

const weighted = z.strictObject({ url: z.string(), weight: z.number().min(0).max(1).optional() });
export const officialImageBodySchema = z.strictObject({
  generation_type: z.literal("image"),
  prompt: z.string(),
  model: z.string(),
  aspect_ratio: z.string().optional(),
  format: z.enum(["jpg", "png"]).optional(),
  image_ref: z.array(weighted).optional(),
  style_ref: z.array(weighted).optional(),
  character_ref: z.strictObject({ identity0: z.strictObject({ images: z.array(z.string()) }) }).optional(),
  callback_url: z.string().optional(),
});

/* Account balances (UPSTREAM.md §2 `/credits`, §6 relay accounts). Amounts arrive as numbers or numeric text. */
const amount = z.union([
  z.number().refine(Number.isFinite),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/)
    .transform(Number),
]);
const flag = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(["true", "false", "0", "1"])])
  .transform((value) => value === true || value === 1 || value === "true" || value === "1");

/** `{code, message, data}` around a relay account answer; `code` is `true` on the common relays. */
export const accountEnvelopeSchema = z.looseObject({
  code: z.union([z.boolean(), z.number(), z.string()]).optional(),
  success: z.boolean().optional(),
  message: z.string().nullish(),
  data: z.unknown(),
});

/** `GET /api/usage/token`'s data, in quota units. */
export const tokenUsageSchema = z.looseObject({
  total_granted: amount.nullish().catch(null),
  total_used: amount.nullish().catch(null),
  total_available: amount.nullish().catch(null),
  unlimited_quota: flag.nullish().catch(null),
});

/** `GET /v1/dashboard/billing/subscription`: the limit in USD. */
export const billingSubscriptionSchema = z.looseObject({ hard_limit_usd: amount });
/** `GET /v1/dashboard/billing/usage`: what was spent, in hundredths of a USD. */
export const billingUsageSchema = z.looseObject({ total_usage: amount });
