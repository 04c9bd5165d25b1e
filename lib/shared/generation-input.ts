import { z } from "zod";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";

/**
 * What the browser sends to create or extend a clip. Shared by the form (to validate before sending)
 * and the route handlers (to validate again). Limits that depend on the provider are checked by
 * `capabilityProblems()` against the configured provider's capabilities.
 */

export const PROMPT_MAX = 5000;

export const KeyframeInputSchema = z.union([
  z.object({ uploadId: z.string().min(1).max(64) }),
  z.object({ url: z.url({ protocol: /^https?$/, error: "must be an http(s) image URL" }).max(2048) }),
]);
export type KeyframeInput = z.infer<typeof KeyframeInputSchema>;

const promptField = z
  .string({ error: "is required" })
  .trim()
  .min(1, { error: "is required: describe the clip you want" })
  .max(PROMPT_MAX, { error: `must be at most ${PROMPT_MAX} characters` });

export const CreateGenerationSchema = z.object({
  prompt: promptField,
  expandPrompt: z.boolean().default(false),
  loop: z.boolean().default(false),
  aspectRatio: z.string().max(16).optional(),
  model: z.string().max(64).optional(),
  resolution: z.string().max(16).optional(),
  duration: z.string().max(16).optional(),
  startFrame: KeyframeInputSchema.nullish(),
  endFrame: KeyframeInputSchema.nullish(),
});
export type CreateGenerationInput = z.infer<typeof CreateGenerationSchema>;

export const ExtendGenerationSchema = z.object({
  prompt: promptField,
  expandPrompt: z.boolean().default(false),
  endFrame: KeyframeInputSchema.nullish(),
});
export type ExtendGenerationInput = z.infer<typeof ExtendGenerationSchema>;

/** "Continue from last frame": a new clip whose start keyframe is the parent's last frame. */
export const ContinueGenerationSchema = CreateGenerationSchema.omit({ startFrame: true });
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
  if (input.loop && input.endFrame && !caps.loopWithEndFrame) {
    problems.loop = "cannot be combined with an end keyframe";
  }
  return problems;
}
