import { z } from "zod";
import {
  DURATIONS,
  OFFICIAL_ASPECT_RATIOS,
  OFFICIAL_MODELS,
  OFFICIAL_RESOLUTIONS,
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
  })
  .refine(
    (body) => !(body.loop && (body.keyframes?.frame1 || body.keyframes?.frame0?.type === "generation")),
    {
      message: "Loop is not supported for extend, reverse extend or generations with an end frame",
      path: ["loop"],
    },
  );

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
