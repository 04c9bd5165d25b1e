import * as z from "zod/mini";
import { MODIFY_MODES } from "@/lib/luma/types";
import { KeyframeInputSchema, PROMPT_MAX } from "./generation-input";

/**
 * What the browser sends to make a new clip from a finished one: upscale it, give it sound, or restyle
 * it (modify). Shared by the dialogs and the route handlers; which tools exist at all depends on the
 * provider (`capabilities.edits`), checked by the server.
 */

export { EDIT_TOOLS, type EditToolName, upscaleTargets } from "./edit-tools";

/** The longest prompt a tool takes, as the create form's. */
export const PROMPT_LIMIT = PROMPT_MAX;

const optionalPrompt = z.optional(
  z
    .string()
    .check(z.trim(), z.maxLength(PROMPT_LIMIT, { error: `must be at most ${PROMPT_LIMIT} characters` })),
);

export const UpscaleInputSchema = z.object({
  resolution: z.string({ error: "is required: the resolution to upscale to" }).check(z.maxLength(16)),
});
export type UpscaleInput = z.infer<typeof UpscaleInputSchema>;

export const AudioInputSchema = z.object({
  prompt: optionalPrompt,
  negativePrompt: optionalPrompt,
});
export type AudioInput = z.infer<typeof AudioInputSchema>;

export const ModifyInputSchema = z.object({
  prompt: optionalPrompt,
  mode: z.enum(MODIFY_MODES, { error: `must be one of ${MODIFY_MODES.join(", ")}` }),
  firstFrame: z.nullish(KeyframeInputSchema),
});
export type ModifyInput = z.infer<typeof ModifyInputSchema>;

const share = z.number().check(z.gte(-1), z.lte(2));

/**
 * Reframe: the new aspect ratio, and where the source sits on the new canvas as shares of the canvas's
 * width and height (x, y of its top-left corner; its width and height). Unset: fitted and centred.
 */
export const ReframeInputSchema = z.object({
  aspectRatio: z.string({ error: "is required: the new aspect ratio" }).check(z.maxLength(16)),
  prompt: optionalPrompt,
  placement: z.optional(
    z.object({
      x: share,
      y: share,
      width: z.number().check(z.gt(0), z.lte(1)),
      height: z.number().check(z.gt(0), z.lte(1)),
    }),
  ),
});
export type ReframeInput = z.infer<typeof ReframeInputSchema>;

export const InterpolateInputSchema = z.object({
  /** The clip the bridge leads to (its first frame ends the bridge). */
  toId: z.string({ error: "is required: the clip to bridge to" }).check(z.minLength(1), z.maxLength(64)),
  prompt: z
    .string({ error: "is required: describe the bridge" })
    .check(
      z.trim(),
      z.minLength(1, { error: "is required: describe the bridge" }),
      z.maxLength(PROMPT_LIMIT, { error: `must be at most ${PROMPT_LIMIT} characters` }),
    ),
});
export type InterpolateInput = z.infer<typeof InterpolateInputSchema>;

/** What an edit task records about how it was made, shown in its details and lineage. */
export const EditInfoSchema = z.union([
  z.object({ tool: z.literal("upscale"), resolution: z.string() }),
  z.object({
    tool: z.literal("audio"),
    prompt: z.nullable(z.string()),
    negativePrompt: z.nullable(z.string()),
  }),
  z.object({ tool: z.literal("modify"), mode: z.enum(MODIFY_MODES), prompt: z.nullable(z.string()) }),
  z.object({ tool: z.literal("interpolate"), toId: z.string(), toPrompt: z.nullable(z.string()) }),
  z.object({ tool: z.literal("reframe"), aspectRatio: z.string(), prompt: z.nullable(z.string()) }),
]);
export type EditInfo = z.infer<typeof EditInfoSchema>;
