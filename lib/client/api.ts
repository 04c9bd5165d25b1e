import * as z from "zod/mini";
import type { $ZodType } from "zod/v4/core";

/**
 * The browser's one way to call the studio API: answers are parsed with zod, and `{error}` bodies
 * become an `ApiError` carrying the server's code, message and per-field problems.
 */

const ErrorBodySchema = z.object({
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

/** Status 0 means the request never got an answer (offline, aborted connection, timeout). */
export const NETWORK_STATUS = 0;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Readonly<Record<string, string>> = {},
    readonly taskId: string | null = null,
    readonly retryAfterSeconds: number | null = null,
    /** A next step the server suggests, e.g. "continue_from_last_frame". */
    readonly suggestion: string | null = null,
    /** The upstream's own words, when the failure came from it. */
    readonly upstream: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Builds the error for a non-2xx answer, whether or not its body has the API's error shape. */
export function apiErrorFrom(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
  const parsed = z.safeParse(ErrorBodySchema, body);
  const headerSeconds = retryAfterHeader ? Number(retryAfterHeader) : Number.NaN;
  const retryAfter = Number.isFinite(headerSeconds) ? headerSeconds : null;
  if (!parsed.success) {
    return new ApiError(
      status,
      "unexpected_answer",
      `The studio answered HTTP ${status} without an explanation. Try again in a moment.`,
      {},
      null,
      retryAfter,
    );
  }
  const { code, message, fields, taskId, retryAfterSeconds, suggestion, upstream } = parsed.data.error;
  return new ApiError(
    status,
    code,
    message,
    fields ?? {},
    taskId ?? null,
    retryAfterSeconds ?? retryAfter,
    suggestion ?? null,
    upstream ?? null,
  );
}

export function networkError(): ApiError {
  return new ApiError(
    NETWORK_STATUS,
    "network",
    "Could not reach the studio. Check your connection and try again.",
  );
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "AbortError" || error.name === "TimeoutError");
}

const DEFAULT_TIMEOUT_MS = 90_000;

export async function apiFetch<T>(
  path: string,
  init: RequestInit & { timeoutMs?: number },
  schema: $ZodType<T>,
): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(path, { ...rest, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    // The caller's own abort is passed on; a timeout or a dropped connection is a network error.
    if (signal?.aborted) throw error;
    throw networkError();
  }
  const body = parseJson(await response.text().catch(() => ""));
  if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get("retry-after"));
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "unexpected_answer",
      "The studio sent an answer this page can't read.",
    );
  }
  return parsed.data;
}
