import "server-only";
/**
 * Errors the API answers on purpose. Each code maps to one HTTP status; the message is meant for the
 * creator and must never carry a secret. Anything that is not an AppError is unexpected: it is logged
 * with a request id and answered with a generic message.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  range_not_satisfiable: 416,
  rate_limited: 429,
  internal: 500,
  upstream_rejected: 502,
  upstream_unavailable: 503,
  /** The studio itself is shutting down (a restart): try again in a moment. */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorExtra {
  /** Field → problem, for validation errors. */
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
  /** The task this failure was recorded on, so the creator can find it in the gallery. */
  taskId?: string;
  /** A next step the studio can offer, e.g. when the upstream forgot the clip to extend. */
  suggestion?: "continue_from_last_frame";
  /** The upstream's own words, apart from our framing, so the browser can frame them in its language. */
  upstream?: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId?: string;
    fields?: Record<string, string>;
    retryAfterSeconds?: number;
    taskId?: string;
    suggestion?: string;
    upstream?: string;
  };
}

// Same in every bundled copy of this module, so an AppError is recognised across server chunks.
const BRAND = Symbol.for("luma-studio.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: ErrorExtra = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && (error as { [BRAND]?: unknown })[BRAND] === true;
}
