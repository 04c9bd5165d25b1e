import type { $ZodType } from "zod/v4/core";
import { type ClientSchemas, loadSchemas } from "./load-schemas";

/**
 * The browser's one way to call the studio API: answers are parsed with zod, and `{error}` bodies
 * become an `ApiError` carrying the server's code, message and per-field problems. The schemas come
 * from ./schemas, loaded with the first call (or at idle time), so zod stays out of the first load:
 * a call names its schema, `(schemas) => schemas.TaskSchema`.
 */

/** Picks the schema an answer must match from the browser's schemas. */
export type SchemaPick<T> = (schemas: ClientSchemas) => $ZodType<T>;

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
export async function apiErrorFrom(
  status: number,
  body: unknown,
  retryAfterHeader?: string | null,
): Promise<ApiError> {
  const { ErrorBodySchema, safeParse } = await schemasOrNetworkError();
  const parsed = safeParse(ErrorBodySchema, body);
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

/** The schemas chunk; failing to load it is a network failure like any other. */
async function schemasOrNetworkError(): Promise<ClientSchemas> {
  try {
    return await loadSchemas();
  } catch {
    throw networkError();
  }
}

export async function apiFetch<T>(
  path: string,
  init: RequestInit & { timeoutMs?: number },
  pick: SchemaPick<T>,
): Promise<T> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, signal, ...rest } = init;
  const timeout = AbortSignal.timeout(timeoutMs);
  // Loaded while the request is under way; an unhandled rejection here is caught where it is awaited.
  const schemas = schemasOrNetworkError();
  schemas.catch(() => {});
  let response: Response;
  try {
    response = await fetch(path, { ...rest, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    // The caller's own abort is passed on; a timeout or a dropped connection is a network error.
    if (signal?.aborted) throw error;
    throw networkError();
  }
  const body = parseJson(await response.text().catch(() => ""));
  if (!response.ok) throw await apiErrorFrom(response.status, body, response.headers.get("retry-after"));
  const loaded = await schemas;
  const parsed = loaded.safeParse(pick(loaded), body);
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "unexpected_answer",
      "The studio sent an answer this page can't read.",
    );
  }
  return parsed.data;
}
