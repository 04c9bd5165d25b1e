import { errorFromBody } from "./error-body";
import { bodySnippet, isLumaError, LumaError, makeRedactor, type Redact, summaryFor } from "./errors";
import { backoff, retryAfterMs, sleep } from "./retry";
import type { ClientOptions, LumaLogger } from "./types";

/** Resolved transport settings; built once per client. */
export interface HttpContext {
  baseUrl: string;
  apiKey: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxRetryAfterMs: number;
  redact: Redact;
  log: LumaLogger;
}

export interface HttpRequest {
  method: "GET" | "POST" | "DELETE";
  path: string;
  body?: unknown;
  /** Safe to send twice (reads, the batch query). Creates are not. */
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is empty or not JSON. */
  json: unknown;
  isHtml: boolean;
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;
// Errors that happen before a single byte of the request left the machine.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

export function createHttpContext(options: ClientOptions): HttpContext {
  let base: URL;
  try {
    base = new URL(options.baseUrl);
  } catch {
    throw new TypeError("Luma baseUrl is not a valid URL");
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new TypeError("Luma baseUrl must use http or https");
  }
  if (!options.apiKey) throw new TypeError("Luma apiKey is required");
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    apiKey: options.apiKey,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 500,
    retryMaxMs: options.retryMaxMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    redact: makeRedactor(options.apiKey),
    log: options.log ?? (() => {}),
  };
}

/**
 * Sends a request and hands a 2xx answer to `interpret`. Retryable failures (see LumaError.retryable, which
 * already accounts for whether the request may have been accepted) are repeated with backoff and jitter.
 */
export async function send<T>(ctx: HttpContext, req: HttpRequest, interpret: (answer: HttpAnswer) => T) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(ctx, req, interpret);
    } catch (caught) {
      const error = asLumaError(caught, ctx);
      const waitMs = error.retryAfterMs ?? backoff(attempt, ctx.retryBaseMs, ctx.retryMaxMs);
      const giveUp =
        !error.retryable || attempt >= ctx.retries || waitMs > ctx.maxRetryAfterMs || req.signal?.aborted;
      // The final failure is thrown to the caller, who decides how loud it is.
      ctx.log({
        level: giveUp ? "debug" : "warn",
        event: giveUp ? "luma.http.failed" : "luma.http.retry",
        detail: {
          method: req.method,
          path: ctx.redact(req.path),
          attempt: attempt + 1,
          kind: error.kind,
          status: error.status ?? null,
          message: error.message,
          waitMs: giveUp ? null : waitMs,
        },
      });
      if (giveUp) throw error;
      await sleep(waitMs, req.signal, ctx.redact);
    }
  }
}

async function attemptOnce<T>(ctx: HttpContext, req: HttpRequest, interpret: (answer: HttpAnswer) => T) {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    Authorization: `Bearer ${ctx.apiKey}`,
    Accept: "application/json",
  };
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  let answer: HttpAnswer;
  try {
    const response = await ctx.fetch(`${ctx.baseUrl}${req.path}`, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
    });
    answer = await readAnswer(response, ctx.redact);
  } catch (caught) {
    throw transportError(caught, ctx, req, timeout);
  }
  if (answer.status < 200 || answer.status > 299) throw forMethod(statusError(answer, ctx), req);
  try {
    return interpret(answer);
  } catch (caught) {
    throw forMethod(asLumaError(caught, ctx), req);
  }
}

/** The parsed JSON of a 2xx answer; an HTML page or non-JSON text is unreadable. */
export function requireJson(answer: HttpAnswer, ctx: HttpContext): unknown {
  if (answer.json !== undefined) return answer.json;
  throw new LumaError({
    kind: "unreadable",
    message: `${summaryFor("unreadable", answer.status)}: ${answer.isHtml ? "an HTML page" : "not JSON"}`,
    status: answer.status,
    bodySnippet: bodySnippet(answer.text, ctx.redact),
    redact: ctx.redact,
  });
}

async function readAnswer(response: Response, redact: Redact): Promise<HttpAnswer> {
  const text = await readText(response, redact);
  const type = response.headers.get("content-type") ?? "";
  const isHtml = /html/i.test(type) || /^\s*</.test(text);
  let json: unknown;
  if (!isHtml && text.trim()) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, text, json, isHtml };
}

async function readText(response: Response, redact: Redact): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new LumaError({
        kind: "unreadable",
        message: `${summaryFor("unreadable", response.status)}: the body is larger than 5 MB`,
        status: response.status,
        bodySnippet: bodySnippet(text, redact),
        redact,
      });
    }
    text += decoder.decode(value, { stream: true });
  }
}

function statusError(answer: HttpAnswer, ctx: HttpContext): LumaError {
  const readable = answer.json !== undefined || (!answer.isHtml && answer.text.length < 300);
  const body = answer.json !== undefined ? answer.json : readable ? answer.text : null;
  return errorFromBody(body, {
    status: answer.status,
    redact: ctx.redact,
    retryAfterMs: answer.status === 429 || answer.status === 503 ? retryAfterMs(answer.headers) : undefined,
    bodySnippet: answer.json === undefined ? bodySnippet(answer.text, ctx.redact) : undefined,
  });
}

function transportError(caught: unknown, ctx: HttpContext, req: HttpRequest, timeout: AbortSignal) {
  if (isLumaError(caught)) return caught;
  if (req.signal?.aborted) {
    return new LumaError({
      kind: "aborted",
      message: summaryFor("aborted"),
      retryable: false,
      redact: ctx.redact,
    });
  }
  if (timeout.aborted) {
    return new LumaError({
      kind: "unavailable",
      message: `${summaryFor("unavailable")}: no answer within ${ctx.timeoutMs} ms`,
      retryable: req.idempotent,
      redact: ctx.redact,
    });
  }
  const notSent = NOT_SENT_CODES.has(errorCode(caught));
  return new LumaError({
    kind: "unavailable",
    message: `${summaryFor("unavailable")}: ${notSent ? "could not connect" : "the connection failed"}`,
    retryable: req.idempotent || notSent,
    cause: caught,
    redact: ctx.redact,
  });
}

/** An answered create may have been accepted, so it is never repeated, unless the answer is a refusal (429). */
function forMethod(error: LumaError, req: HttpRequest): LumaError {
  if (req.idempotent || !error.retryable || error.kind === "rate_limited") return error;
  return copyWith(error, { retryable: false });
}

function asLumaError(caught: unknown, ctx: HttpContext): LumaError {
  if (isLumaError(caught)) return caught;
  return new LumaError({
    kind: "unreadable",
    message: `${summaryFor("unreadable")}: it could not be interpreted`,
    cause: caught,
    redact: ctx.redact,
  });
}

export function copyWith(error: LumaError, changes: { retryable: boolean }): LumaError {
  return new LumaError({
    kind: error.kind,
    message: error.message,
    status: error.status,
    upstreamMessage: error.upstreamMessage,
    retryAfterMs: error.retryAfterMs,
    bodySnippet: error.bodySnippet,
    cause: error.cause,
    ...changes,
  });
}

function errorCode(caught: unknown): string {
  const inner = caught instanceof Error ? caught.cause : undefined;
  if (inner && typeof inner === "object" && "code" in inner && typeof inner.code === "string")
    return inner.code;
  return "";
}
