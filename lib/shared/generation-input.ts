import * as z from "zod/mini";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";

/**
 * What the browser sends to create or extend a clip. Shared by the form (to validate before sending)
 * and the route handlers (to validate again). Limits that depend on the provider are checked by
 * `capabilityProblems()` against the configured provider's capabilities. Written with `zod/mini`, which
 * the browser can afford to ship.
 */

export const PROMPT_MAX = 5000;

export const KeyframeInputSchema = z.union([
  z.object({ uploadId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({
    url: z.url({ protocol: /^https?$/, error: "must be an http(s) image URL" }).check(z.maxLength(2048)),
  }),
]);
export type KeyframeInput = z.infer<typeof KeyframeInputSchema>;

const promptField = z
  .string({ error: "is required" })
  .check(
    z.trim(),
    z.minLength(1, { error: "is required: describe the clip you want" }),
    z.maxLength(PROMPT_MAX, { error: `must be at most ${PROMPT_MAX} characters` }),
  );

const shortText = (max: number) => z.optional(z.string().check(z.maxLength(max)));

/** Camera motions one clip can ask for at once. */
export const CONCEPTS_MAX = 4;

export const CreateGenerationSchema = z.object({
  prompt: promptField,
  expandPrompt: z._default(z.boolean(), false),
  loop: z._default(z.boolean(), false),
  aspectRatio: shortText(16),
  model: shortText(64),
  resolution: shortText(16),
  duration: shortText(16),
  startFrame: z.nullish(KeyframeInputSchema),
  endFrame: z.nullish(KeyframeInputSchema),
  /** Camera-motion keys from `GET /api/concepts`, where the provider has them. */
  concepts: z.optional(
    z
      .array(
        z.string().check(
          z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, {
            error: "each must be a camera-motion key from GET /api/concepts",
          }),
        ),
      )
      .check(z.maxLength(CONCEPTS_MAX, { error: `must be at most ${CONCEPTS_MAX} camera motions` })),
  ),
});
export type CreateGenerationInput = z.infer<typeof CreateGenerationSchema>;

export const ExtendGenerationSchema = z.object({
  prompt: promptField,
  /** `backward`: a new segment that leads into the clip instead of following it (where offered). */
  direction: z.optional(z.enum(["forward", "backward"])),
  expandPrompt: z._default(z.boolean(), false),
  endFrame: z.nullish(KeyframeInputSchema),
});
export type ExtendGenerationInput = z.infer<typeof ExtendGenerationSchema>;

/** "Continue from last frame": a new clip whose start keyframe is the parent's last frame. */
export const ContinueGenerationSchema = z.omit(CreateGenerationSchema, { startFrame: true });
export type ContinueGenerationInput = z.infer<typeof ContinueGenerationSchema>;

function oneOf(
  field: string,
  value: string | undefined,
  allowed: readonly string[],
): [string, string] | null {
  if (value === undefined || allowed.includes(value)) return null;
  return [field, `must be one of ${allowed.join(", ")} (got "${value.slice(0, 20)}")`];
}

/** Field → problem for everything the configured provider does not accept. */
export function capabilityProblems(
  input: CreateGenerationInput,
  caps: ProviderCapabilities,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.prompt.length < caps.minPromptLength) {
    problems.prompt = `must be at least ${caps.minPromptLength} characters`;
  }
  if (input.prompt.length > caps.maxPromptLength) {
    problems.prompt = `must be at most ${caps.maxPromptLength} characters`;
  }
  const checks = [
    oneOf("aspectRatio", input.aspectRatio, caps.aspectRatios),
    oneOf(
      "model",
      input.model,
      caps.models.map((model) => model.id),
    ),
    oneOf("resolution", input.resolution, caps.resolutions),
    oneOf("duration", input.duration, caps.durations),
  ];
  for (const check of checks) if (check) problems[check[0]] = check[1];
  if (input.loop && !caps.loop) problems.loop = "is not supported by this provider";
  if (input.concepts?.length && !caps.concepts) problems.concepts = "is not supported by this provider";
  if (input.loop && input.endFrame && !caps.loopWithEndFrame) {
    problems.loop = "cannot be combined with an end keyframe";
  }
  return problems;
}
