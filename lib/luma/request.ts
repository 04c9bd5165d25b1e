import type { z } from "zod";
import { LumaError, type Redact } from "./errors";
import { extendRequestSchema, generationRequestSchema } from "./schemas";
import type { ExtendRequest, GenerationRequest } from "./types";

/** Checks a request before it leaves, so obvious mistakes never cost an upstream call. */
export function validGeneration(req: GenerationRequest, redact: Redact): GenerationRequest {
  return validated(generationRequestSchema, req, redact);
}

export function validExtend(req: ExtendRequest, redact: Redact): ExtendRequest {
  return validated(extendRequestSchema, req, redact);
}

function validated<T>(schema: z.ZodType<T>, value: unknown, redact: Redact): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") ?? "";
  const text = issue ? (field ? `${field}: ${issue.message}` : issue.message) : "invalid request";
  throw new LumaError({ kind: "rejected", message: `Request not sent: ${text}`, redact });
}

/** Path segment for an upstream id. */
export function idSegment(id: string): string {
  return encodeURIComponent(id.trim());
}
