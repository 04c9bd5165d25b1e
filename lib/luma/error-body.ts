import { kindForStatus, LumaError, type LumaErrorKind, type Redact, summaryFor } from "./errors";
import {
  codeWrapperSchema,
  detailObjectErrorSchema,
  detailTextErrorSchema,
  fastApiErrorSchema,
  openAiErrorSchema,
} from "./schemas";

const MAX_MESSAGE = 500;

/** The upstream's own message from any known error shape, or null. */
export function upstreamMessageOf(body: unknown): string | null {
  const found = findMessage(body);
  const trimmed = found?.trim();
  return trimmed ? trimmed.slice(0, MAX_MESSAGE) : null;
}

function findMessage(body: unknown): string | null {
  if (typeof body === "string") return body;
  const detailText = detailTextErrorSchema.safeParse(body);
  if (detailText.success) return detailText.data.detail;
  const detailObject = detailObjectErrorSchema.safeParse(body);
  if (detailObject.success)
    return detailObject.data.detail.reason ?? detailObject.data.detail.message ?? null;
  const fastApi = fastApiErrorSchema.safeParse(body);
  if (fastApi.success) {
    return fastApi.data.detail
      .map((item) => {
        // FastAPI prefixes the location with "body"; the field name is what helps.
        const where = item.loc.filter((part) => part !== "body").join(".");
        return where ? `${where}: ${item.msg ?? "invalid"}` : (item.msg ?? "invalid");
      })
      .join("; ");
  }
  const openAi = openAiErrorSchema.safeParse(body);
  if (openAi.success) {
    const { error } = openAi.data;
    return typeof error === "string" ? error : (error.message ?? error.type ?? null);
  }
  const wrapper = codeWrapperSchema.safeParse(body);
  if (wrapper.success) return wrapper.data.message || wrapper.data.msg || null;
  return null;
}

/** True when a JSON body (sent with any status) is one of the known error shapes rather than a task. */
export function looksLikeErrorBody(body: unknown): boolean {
  if (!body || typeof body !== "object" || Array.isArray(body)) return false;
  if ("id" in body || "state" in body) return false;
  return "detail" in body || "error" in body;
}

/** `code` values that mean success in `{code, message, data}` wrappers. */
export function isSuccessCode(code: number | string): boolean {
  const normalized = String(code).trim().toLowerCase();
  return normalized === "200" || normalized === "0" || normalized === "success" || normalized === "ok";
}

/** Turns an error body into a LumaError. `status` is the HTTP status, or absent for errors sent with 200. */
export function errorFromBody(
  body: unknown,
  options: {
    status?: number;
    redact: Redact;
    retryable?: boolean;
    retryAfterMs?: number;
    bodySnippet?: string;
  },
): LumaError {
  const upstreamMessage = upstreamMessageOf(body) ?? undefined;
  const kind = options.status !== undefined ? kindForStatus(options.status) : kindForBody(body);
  const summary = summaryFor(kind, options.status);
  return new LumaError({
    kind,
    message: upstreamMessage ? `${summary}: ${upstreamMessage}` : summary,
    status: options.status,
    upstreamMessage,
    retryable: options.retryable,
    retryAfterMs: options.retryAfterMs,
    bodySnippet: options.bodySnippet,
    redact: options.redact,
  });
}

/** Kind of an error that arrived with HTTP 200: taken from a numeric wrapper code when there is one. */
function kindForBody(body: unknown): LumaErrorKind {
  const wrapper = codeWrapperSchema.safeParse(body);
  if (wrapper.success) {
    const code = Number(wrapper.data.code);
    if (Number.isInteger(code) && code >= 400 && code < 600) return kindForStatus(code);
  }
  return "rejected";
}
