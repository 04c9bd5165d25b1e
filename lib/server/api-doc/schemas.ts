import "server-only";
import { z } from "zod";
import type { Health } from "../health";
import { ERROR_STATUS, type ErrorBody } from "../http/errors";
import type { KeyframeUrlCheck } from "../tasks/keyframe-url";
import type { UploadAnswer } from "../uploads/intake";

/**
 * Response schemas for the answers that have no shared schema of their own (the task, its pages and its
 * share info live in lib/shared). Each is tied to the type the server builds, so the document cannot
 * drift from the code: a field added to `Health` without its schema here fails the typecheck.
 */

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <_T extends true>() => undefined;

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  provider: z.enum(["simulator", "relay", "official"]),
  database: z.object({ kind: z.enum(["pglite", "postgres"]), ok: z.boolean() }),
  time: z.string(),
});
same<Same<z.output<typeof HealthSchema>, Health>>();

export const UploadSchema = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
  type: z.string(),
});
same<Same<z.output<typeof UploadSchema>, UploadAnswer>>();

export const KeyframeCheckSchema = z.object({
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  type: z.string(),
  preview: z.string(),
});
same<Same<z.output<typeof KeyframeCheckSchema>, KeyframeUrlCheck>>();

export const HookAnswerSchema = z.object({
  /** False for a repeated, stale or unreadable delivery: nothing changed. */
  applied: z.boolean(),
});

const ERROR_CODES = Object.keys(ERROR_STATUS) as [
  keyof typeof ERROR_STATUS,
  ...(keyof typeof ERROR_STATUS)[],
];

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    requestId: z.string().optional(),
    fields: z.record(z.string(), z.string()).optional(),
    retryAfterSeconds: z.number().optional(),
    taskId: z.string().optional(),
    suggestion: z.string().optional(),
    upstream: z.string().optional(),
  }),
});
same<Same<z.output<typeof ErrorBodySchema>, ErrorBody>>();

/** An OpenAPI document, answered by `GET /api/openapi.json`. */
export const OpenApiDocumentSchema = z.object({ openapi: z.string() }).catchall(z.unknown());
