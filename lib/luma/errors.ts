/** One error type for everything the upstream layer can fail with. */

export type LumaErrorKind =
  | "unauthorized"
  | "rate_limited"
  | "rejected"
  | "not_found"
  | "unavailable"
  | "unreadable"
  | "aborted";

import { type Redact, redactorFor } from "./secrets";

/** Removes secrets from any text that might be shown, logged or thrown. */
export type { Redact };

export const noRedaction: Redact = (text) => text;

/** The API key in every form an upstream may echo it (secrets.ts), and the simulator's token likewise. */
export function makeRedactor(secret: string): Redact {
  return secret ? redactorFor([secret]) : noRedaction;
}

const SNIPPET_BYTES = 500;

/** First 500 bytes of a body for the log. Redacted before cutting, so no fragment of a secret survives. */
export function bodySnippet(text: string, redact: Redact): string {
  const bytes = new TextEncoder().encode(redact(text));
  if (bytes.length <= SNIPPET_BYTES) return new TextDecoder().decode(bytes);
  return new TextDecoder().decode(bytes.slice(0, SNIPPET_BYTES));
}

export interface LumaErrorInit {
  kind: LumaErrorKind;
  message: string;
  status?: number;
  upstreamMessage?: string;
  retryable?: boolean;
  retryAfterMs?: number;
  bodySnippet?: string;
  cause?: unknown;
  redact?: Redact;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<LumaErrorKind> = new Set(["rate_limited", "unavailable"]);

/**
 * A registry symbol, the same in every copy of this module: a bundler may load this file more than once
 * (one copy per server chunk), and an error made by one copy must still be recognised by another.
 */
const BRAND = Symbol.for("luma-studio.LumaError");

export class LumaError extends Error {
  override readonly name = "LumaError";
  readonly [BRAND] = true;
  readonly kind: LumaErrorKind;
  readonly status?: number;
  /** The upstream's own words, safe to show to the user. */
  readonly upstreamMessage?: string;
  /** Whether repeating the same call may succeed and cannot cause a duplicate generation. */
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  /** Start of a body we could not make sense of (redacted, ≤ 500 bytes), for the log. */
  readonly bodySnippet?: string;

  constructor(init: LumaErrorInit) {
    const redact = init.redact ?? noRedaction;
    // Only a redacted, plain copy of a cause is kept: foreign errors may carry request details.
    const cause = init.cause === undefined ? undefined : safeCause(init.cause, redact);
    super(redact(init.message), cause === undefined ? undefined : { cause });
    this.kind = init.kind;
    this.retryable = init.retryable ?? RETRYABLE_BY_DEFAULT.has(init.kind);
    if (init.status !== undefined) this.status = init.status;
    if (init.upstreamMessage !== undefined) this.upstreamMessage = redact(init.upstreamMessage);
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.bodySnippet !== undefined) this.bodySnippet = redact(init.bodySnippet);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      upstreamMessage: this.upstreamMessage,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      bodySnippet: this.bodySnippet,
    };
  }
}

export function isLumaError(value: unknown): value is LumaError {
  return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
}

function safeCause(cause: unknown, redact: Redact): Error {
  if (isLumaError(cause)) return cause;
  if (!(cause instanceof Error)) return new Error(redact(String(cause)));
  const inner = cause.cause;
  const code =
    inner && typeof inner === "object" && "code" in inner && typeof inner.code === "string"
      ? inner.code
      : null;
  const text = `${cause.name}: ${cause.message}${code ? ` (${code})` : ""}`;
  return new Error(redact(text));
}

/** Error kind for an HTTP status or a numeric `code` in an error wrapper. */
export function kindForStatus(status: number): LumaErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404 || status === 410) return "not_found";
  if (status === 429) return "rate_limited";
  if (status === 408 || status >= 500) return "unavailable";
  return "rejected";
}

const KIND_SUMMARY: Record<LumaErrorKind, string> = {
  unauthorized: "The upstream refused the API key",
  rate_limited: "The upstream is rate limiting requests",
  rejected: "The upstream rejected the request",
  not_found: "The upstream does not know this generation",
  unavailable: "The upstream is unavailable",
  unreadable: "The upstream sent an answer that could not be read",
  aborted: "The request was cancelled",
};

export function summaryFor(kind: LumaErrorKind, status?: number): string {
  return status === undefined ? KIND_SUMMARY[kind] : `${KIND_SUMMARY[kind]} (HTTP ${status})`;
}
