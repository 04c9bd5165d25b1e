import * as z from "zod/mini";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { KeyframeInputSchema, PROMPT_MAX } from "./generation-input";

/**
 * `POST /api/images`: a still made from text (official Photon), to use as a clip's keyframe. Shared by
 * the "Create a keyframe from text" form and the route; limits that depend on the provider are checked
 * by `imageProblems()`. References are images the studio holds (upload ids) or http(s) URLs, like
 * keyframes.
 */

/** Content references (and photos of one character) per picture; the official API takes four. */
export const IMAGE_REFERENCES_MAX = 4;

export const CreateImageSchema = z.object({
  prompt: z
    .string({ error: "is required" })
    .check(
      z.trim(),
      z.minLength(1, { error: "is required: describe the picture you want" }),
      z.maxLength(PROMPT_MAX, { error: `must be at most ${PROMPT_MAX} characters` }),
    ),
  model: z.optional(z.string().check(z.maxLength(64))),
  aspectRatio: z.optional(z.string().check(z.maxLength(16))),
  format: z.optional(z.enum(["jpg", "png"], { error: "must be jpg or png" })),
  imageRefs: z.optional(
    z
      .array(KeyframeInputSchema)
      .check(z.maxLength(IMAGE_REFERENCES_MAX, { error: `must be at most ${IMAGE_REFERENCES_MAX} images` })),
  ),
  styleRef: z.nullish(KeyframeInputSchema),
  characterRefs: z.optional(
    z
      .array(KeyframeInputSchema)
      .check(z.maxLength(IMAGE_REFERENCES_MAX, { error: `must be at most ${IMAGE_REFERENCES_MAX} images` })),
  ),
});
export type CreateImageInput = z.infer<typeof CreateImageSchema>;

/** Field → problem for everything the configured provider does not accept. */
export function imageProblems(input: CreateImageInput, caps: ProviderCapabilities): Record<string, string> {
  const images = caps.images;
  if (!images) return { prompt: "cannot be turned into an image: this provider makes no images" };
  const problems: Record<string, string> = {};
  if (input.prompt.length < caps.minPromptLength) {
    problems.prompt = `must be at least ${caps.minPromptLength} characters`;
  }
  const ids = images.models.map((model) => model.id);
  if (input.model !== undefined && !ids.includes(input.model)) {
    problems.model = `must be one of ${ids.join(", ")} (got "${input.model.slice(0, 20)}")`;
  }
  if (input.aspectRatio !== undefined && !images.aspectRatios.includes(input.aspectRatio)) {
    problems.aspectRatio = `must be one of ${images.aspectRatios.join(", ")} (got "${input.aspectRatio.slice(0, 16)}")`;
  }
  return problems;
}
