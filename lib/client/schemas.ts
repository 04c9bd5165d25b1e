import * as z from "zod/mini";

/**
 * The browser's schemas for what it reads and sends, with zod/mini. Not imported by the studio page's
 * first load: `loadSchemas()` (./load-schemas) brings this module in on first use (or at idle time),
 * since the first answers it checks arrive after hydration anyway. The server checks everything with
 * the same shared schemas.
 */

export { AccountImportSchema } from "@/lib/shared/account-import";
export { BalanceAnswerSchema } from "@/lib/shared/balance";
export { BoardListSchema, BoardSchema } from "@/lib/shared/board";
export { FamilySchema } from "@/lib/shared/family";
export {
  CreateGenerationSchema,
  ExtendGenerationSchema,
  KeyframeInputSchema,
} from "@/lib/shared/generation-input";
export { ShareInfoSchema, TaskChangesSchema, TaskPageSchema, TaskSchema } from "@/lib/shared/task";

export { validateLocally } from "./validate-create";

export const safeParse = z.safeParse;

/** The API's `{error}` body. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
    taskId: z.optional(z.string()),
    retryAfterSeconds: z.optional(z.number()),
    suggestion: z.optional(z.string()),
    upstream: z.optional(z.string()),
  }),
});

/** POST /api/keyframes/check: the studio fetched the URL through its guard; a preview of the image. */
export const KeyframeCheckSchema = z.object({
  url: z.string(),
  width: z.number(),
  height: z.number(),
  type: z.string(),
  preview: z.string(),
});

/** POST /api/uploads and GET /api/uploads/{id}: a stored keyframe image. */
export const UploadAnswerSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  type: z.string(),
});

/** GET /api/concepts: camera motions by key; `available: false` when the upstream could not say. */
export const ConceptListSchema = z.object({ concepts: z.array(z.string()), available: z.boolean() });

/** An answer whose body does not matter (a DELETE's). */
export const AnyAnswer = z.unknown();
/** An answer with no body (204). */
export const NoAnswer = z.undefined();
