import { z } from "zod";
import {
  CAMERA_CONCEPTS,
  DURATIONS,
  IMAGE_FORMATS,
  MODIFY_MODES,
  OFFICIAL_ASPECT_RATIOS,
  OFFICIAL_MODELS,
  OFFICIAL_RESOLUTIONS,
  PHOTON_MODELS,
  RELAY_ASPECT_RATIOS,
  RELAY_MODELS,
  RELAY_RESOLUTIONS,
  SimulatorError,
} from "./types";

/** Request bodies as a relay validates them; every message names the offending field. */

const MAX_PROMPT = 5000;

function promptField(field: string, min: number, label = field) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${label} is required` : `${field} must be a string`),
    })
    .trim()
    .min(1, `${label} is required`)
    .min(min, `${label} is too short, minimum length is ${min} characters`)
    .max(MAX_PROMPT, `${label} is too long, maximum length is ${MAX_PROMPT} characters`);
}

function oneOf<const T extends readonly [string, ...string[]]>(field: string, values: T) {
  return z.enum(values, { error: `${field} must be one of ${values.join(", ")}` });
}

/** Relays accept booleans and the strings "true"/"false" (seen in the wild for expand_prompt). */
function booleanish(field: string) {
  return z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
    error: `${field} must be a boolean`,
  });
}

/** An empty string means "not given", as relay examples send it. */
function optionalText(field: string) {
  return z
    .string({ error: `${field} must be a string` })
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined));
}

function hookUrl(field: string) {
  return optionalText(field).refine((value) => value === undefined || /^https?:\/\/\S+$/i.test(value), {
    message: `${field} must be an http(s) URL`,
  });
}

export const relayCreateSchema = z
  .object({
    user_prompt: promptField("user_prompt", 1),
    expand_prompt: booleanish("expand_prompt").optional(),
    loop: booleanish("loop").optional(),
    image_url: optionalText("image_url"),
    image_end_url: optionalText("image_end_url"),
    notify_hook: hookUrl("notify_hook"),
    aspect_ratio: oneOf("aspect_ratio", RELAY_ASPECT_RATIOS).default("16:9"),
    model_name: oneOf("model_name", RELAY_MODELS).default("ray-v2"),
    resolution: oneOf("resolution", RELAY_RESOLUTIONS).default("720p"),
    duration: oneOf("duration", DURATIONS).default("5s"),
  })
  .refine((body) => !(body.loop && body.image_end_url), {
    message: "loop is not supported together with image_end_url",
    path: ["loop"],
  });

export const relayExtendSchema = z
  .object({
    user_prompt: promptField("user_prompt", 1),
    expand_prompt: booleanish("expand_prompt").optional(),
    loop: z.unknown().optional(),
    image_url: optionalText("image_url"),
    image_end_url: optionalText("image_end_url"),
    notify_hook: hookUrl("notify_hook"),
    aspect_ratio: oneOf("aspect_ratio", RELAY_ASPECT_RATIOS).optional(),
  })
  .refine((body) => body.loop === undefined || body.loop === false || body.loop === "false", {
    message: "loop is not supported when extending a video",
    path: ["loop"],
  });

const keyframeSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("image"), url: z.string().min(1) }),
    z.object({ type: z.literal("generation"), id: z.string().min(1) }),
  ],
  { error: 'keyframes: each frame must be {type: "image", url} or {type: "generation", id}' },
);
export type OfficialKeyframe = z.infer<typeof keyframeSchema>;

const KNOWN_CONCEPTS: ReadonlySet<string> = new Set(CAMERA_CONCEPTS);

/** `concepts: [{key}]`: camera motions from `GET /generations/concepts/list`; an unknown key is named. */
const conceptsField = z
  .array(z.object({ key: z.string({ error: "concepts: each concept must be {key: string}" }) }), {
    error: "concepts must be an array of {key}",
  })
  .max(CAMERA_CONCEPTS.length, `concepts: at most ${CAMERA_CONCEPTS.length} concepts`)
  .superRefine((concepts, ctx) => {
    const unknown = concepts.find((concept) => !KNOWN_CONCEPTS.has(concept.key));
    if (unknown) {
      ctx.addIssue({
        code: "custom",
        message: `concepts: unknown concept key "${unknown.key}" (GET /generations/concepts/list names the known keys)`,
      });
    }
  })
  .optional();

export const officialCreateSchema = z
  .object({
    prompt: promptField("prompt", 3, "Prompt"),
    model: oneOf("model", OFFICIAL_MODELS).default("ray-2"),
    aspect_ratio: oneOf("aspect_ratio", OFFICIAL_ASPECT_RATIOS).default("16:9"),
    loop: z.boolean({ error: "loop must be a boolean" }).default(false),
    resolution: oneOf("resolution", OFFICIAL_RESOLUTIONS).default("720p"),
    duration: oneOf("duration", DURATIONS).default("5s"),
    callback_url: hookUrl("callback_url"),
    keyframes: z.object({ frame0: keyframeSchema.optional(), frame1: keyframeSchema.optional() }).optional(),
    concepts: conceptsField,
  })
  .refine(
    (body) => !(body.loop && (body.keyframes?.frame1 || body.keyframes?.frame0?.type === "generation")),
    {
      message: "Loop is not supported for extend, reverse extend or generations with an end frame",
      path: ["loop"],
    },
  );

/** An optional text with the prompt's length limit; blank means not given. */
function optionalPrompt(field: string) {
  return optionalText(field).refine((value) => value === undefined || value.length <= MAX_PROMPT, {
    message: `${field} is too long, maximum length is ${MAX_PROMPT} characters`,
  });
}

function generationType<const T extends string>(value: T) {
  return z.literal(value, { error: `generation_type must be "${value}"` });
}

function mediaRef(field: string) {
  return z.object(
    {
      url: z
        .string({ error: `${field}.url is required` })
        .trim()
        .min(1, `${field}.url is required`),
    },
    { error: `${field} must be {url}` },
  );
}

function pixels(field: string, min: number) {
  return z
    .number({ error: `${field} must be a number of pixels` })
    .int(`${field} must be a whole number of pixels`)
    .min(min, `${field} must be at least ${min}`)
    .optional();
}

export const upscaleSchema = z.object({
  generation_type: generationType("upscale_video").optional(),
  resolution: oneOf("resolution", OFFICIAL_RESOLUTIONS),
  callback_url: hookUrl("callback_url"),
});

export const audioSchema = z.object({
  generation_type: generationType("add_audio").optional(),
  prompt: optionalPrompt("prompt"),
  negative_prompt: optionalPrompt("negative_prompt"),
  callback_url: hookUrl("callback_url"),
});

export const modifySchema = z.object({
  generation_type: generationType("modify_video"),
  media: mediaRef("media"),
  mode: oneOf("mode", MODIFY_MODES),
  model: oneOf("model", OFFICIAL_MODELS),
  prompt: optionalPrompt("prompt"),
  first_frame: mediaRef("first_frame").optional(),
  callback_url: hookUrl("callback_url"),
});

const reframeFields = {
  media: mediaRef("media"),
  aspect_ratio: oneOf("aspect_ratio", OFFICIAL_ASPECT_RATIOS),
  prompt: optionalPrompt("prompt"),
  grid_position_x: pixels("grid_position_x", 0),
  grid_position_y: pixels("grid_position_y", 0),
  x_start: pixels("x_start", 0),
  x_end: pixels("x_end", 1),
  y_start: pixels("y_start", 0),
  y_end: pixels("y_end", 1),
  resized_width: pixels("resized_width", 2),
  resized_height: pixels("resized_height", 2),
  callback_url: hookUrl("callback_url"),
};
type ReframeBounds = { [K in "x_start" | "x_end" | "y_start" | "y_end"]?: number };

/** The crop bounds come as a set: all four, with end past start, or none. */
function boundsComplete(body: ReframeBounds): boolean {
  const given = [body.x_start, body.x_end, body.y_start, body.y_end].filter((v) => v !== undefined);
  return given.length === 0 || given.length === 4;
}
function boundsOrdered(body: ReframeBounds): boolean {
  const { x_start = 0, x_end = 1, y_start = 0, y_end = 1 } = body;
  return x_end > x_start && y_end > y_start;
}
const BOUNDS_COMPLETE = {
  message: "x_start, x_end, y_start and y_end must be given together",
  path: ["x_start"],
};
const BOUNDS_ORDERED = {
  message: "x_end and y_end must be greater than x_start and y_start",
  path: ["x_end"],
};

export const videoReframeSchema = z
  .object({
    ...reframeFields,
    generation_type: generationType("reframe_video"),
    model: oneOf("model", OFFICIAL_MODELS),
    first_frame: mediaRef("first_frame").optional(),
  })
  .refine(boundsComplete, BOUNDS_COMPLETE)
  .refine(boundsOrdered, BOUNDS_ORDERED);

export const imageReframeSchema = z
  .object({
    ...reframeFields,
    generation_type: generationType("reframe_image"),
    model: oneOf("model", PHOTON_MODELS),
    format: oneOf("format", IMAGE_FORMATS).default("jpg"),
  })
  .refine(boundsComplete, BOUNDS_COMPLETE)
  .refine(boundsOrdered, BOUNDS_ORDERED);
export type ReframeBody = z.output<typeof videoReframeSchema> | z.output<typeof imageReframeSchema>;

function weightedRef(field: string) {
  return z.object(
    {
      url: z
        .string({ error: `${field}.url is required` })
        .trim()
        .min(1, `${field}.url is required`),
      weight: z
        .number({ error: `${field}.weight must be a number` })
        .min(0, `${field}.weight must be between 0 and 1`)
        .max(1, `${field}.weight must be between 0 and 1`)
        .optional(),
    },
    { error: `${field} must be {url, weight}` },
  );
}

const MAX_REFS = 4;

export const imageCreateSchema = z.object({
  generation_type: generationType("image").optional(),
  model: oneOf("model", PHOTON_MODELS),
  prompt: promptField("prompt", 3, "Prompt"),
  aspect_ratio: oneOf("aspect_ratio", OFFICIAL_ASPECT_RATIOS).default("16:9"),
  format: oneOf("format", IMAGE_FORMATS).default("jpg"),
  image_ref: z
    .array(weightedRef("image_ref"), { error: "image_ref must be an array of {url, weight}" })
    .max(MAX_REFS, `image_ref: at most ${MAX_REFS} images`)
    .optional(),
  style_ref: z
    .array(weightedRef("style_ref"), { error: "style_ref must be an array of {url, weight}" })
    .max(1, "style_ref: at most 1 image")
    .optional(),
  character_ref: z
    .object(
      {
        identity0: z.object({
          images: z
            .array(z.string({ error: "character_ref.identity0.images must be URLs" }))
            .min(1, "character_ref.identity0.images needs at least one image")
            .max(MAX_REFS, `character_ref.identity0.images: at most ${MAX_REFS} images`),
        }),
      },
      { error: "character_ref must be {identity0: {images: [url]}}" },
    )
    .optional(),
  modify_image_ref: weightedRef("modify_image_ref").optional(),
  sync: z.boolean({ error: "sync must be a boolean" }).default(false),
  sync_timeout: z
    .number({ error: "sync_timeout must be a number of seconds" })
    .positive("sync_timeout must be positive")
    .max(300, "sync_timeout: at most 300 seconds")
    .optional(),
  callback_url: hookUrl("callback_url"),
});

export const batchSchema = z.object({
  ids: z
    .array(z.string(), { error: "ids must be an array of task ids" })
    .max(100, "ids: at most 100 ids per request"),
});

/** Reads a JSON body and parses it; failures become 400 `{detail}` naming the field. */
export async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new SimulatorError(400, "Request body must be valid JSON");
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join(".") ?? "";
  const message = issue?.message ?? "invalid request";
  const named = field === "" || message.toLowerCase().includes(field.split(".")[0]?.toLowerCase() ?? "");
  throw new SimulatorError(400, named ? message : `${field}: ${message}`);
}

function shorten(value: unknown): unknown {
  if (typeof value === "string") {
    return value.startsWith("data:") && value.length > 80
      ? `${value.slice(0, 40)}…(${value.length} chars)`
      : value;
  }
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === "object") return requestEcho(value);
  return value;
}

/** Request echo for answers: data URLs are shortened so every poll does not resend the image. */
export function requestEcho(body: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, shorten(value)]),
  );
}
