import "server-only";
import { z } from "zod";
import { log, scrub } from "../log";
import { type Access, assertAccess, assertSameOriginJson, assertSubmitAllowed } from "../security/guards";
import { BODY_LIMITS, readBody } from "./body";
import { AppError, type ErrorBody, isAppError } from "./errors";
import { assertNoNul, pathParams } from "./input";
import { describedRoute } from "./route-spec";

/**
 * The one wrapper every route handler goes through: it checks the session (unless the route is public),
 * the Origin and body type of state-changing requests (CSRF), the submit rate limit, reads the body
 * within its byte limit (body.ts), refuses NUL characters anywhere in params (404), query or body (400)
 * before they reach the database (input.ts), parses params, query and body with zod, calls the handler,
 * and maps every error to `{error: {code, message}}`.
 */

// Classic or mini zod: shared schemas are written with zod/mini because the browser ships them too.
type Schema = z.core.$ZodType;
type Out<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

interface RouteSpec<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
> {
  params?: P;
  query?: Q;
  body?: B;
  /** `public` only for health, share pages and media, and the webhook receiver; default: studio users. */
  access?: Access;
  /** The webhook receiver takes posts from the upstream's servers, in any content type. */
  foreignPosts?: boolean;
  /** Counts against SUBMIT_RATE_LIMIT: create, extend, continue. */
  submits?: boolean;
  /** Byte limit for a JSON body; default BODY_LIMITS.json. */
  maxBodyBytes?: number;
}

interface HandlerInput<P, Q, B> {
  request: Request;
  params: P;
  query: Q;
  body: B;
  requestId: string;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "body";
    fields[key] ??= issue.message;
  }
  return fields;
}

function validationError(where: string, error: z.ZodError): AppError {
  const fields = fieldErrors(error);
  const first = Object.entries(fields)[0];
  const message = first ? `${first[0]}: ${first[1]}` : `Invalid ${where}`;
  return new AppError("validation_failed", message, { fields });
}

async function readJson(request: Request, limit: number): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("unsupported_media_type", "Send the body as application/json");
  }
  const bytes = await readBody(request, limit);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON");
  }
}

function parseWith<S extends Schema>(schema: S, value: unknown, where: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

export function errorResponse(error: unknown, requestId: string): Response {
  if (isAppError(error)) {
    // Messages may quote the upstream's words, which may echo a secret in some altered form.
    const extra = error.extra.upstream
      ? { ...error.extra, upstream: scrub(error.extra.upstream) }
      : error.extra;
    const body: ErrorBody = {
      error: { code: error.code, message: scrub(error.message), requestId, ...extra },
    };
    const headers: HeadersInit = error.extra.retryAfterSeconds
      ? { "retry-after": String(error.extra.retryAfterSeconds) }
      : {};
    return Response.json(body, { status: error.status, headers });
  }
  log.error("unexpected error", { requestId, error });
  const body: ErrorBody = {
    error: { code: "internal", message: "Something went wrong on the studio's side. Try again.", requestId },
  };
  return Response.json(body, { status: 500 });
}

export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(
  spec: RouteSpec<P, Q, B>,
  handler: (input: HandlerInput<Out<P>, Out<Q>, Out<B>>) => Promise<Response | unknown>,
) {
  const handle = async (request: Request, context?: RouteContext): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      await assertAccess(request, spec.access ?? "studio");
      if (!spec.foreignPosts) assertSameOriginJson(request);
      const rawParams = await pathParams(context?.params);
      const params = spec.params ? parseWith(spec.params, rawParams, "path") : undefined;
      const rawQuery = Object.fromEntries(new URL(request.url).searchParams);
      assertNoNul(rawQuery, "query");
      const query = spec.query ? parseWith(spec.query, rawQuery, "query") : undefined;
      let body: unknown;
      if (spec.body) {
        const json = await readJson(request, spec.maxBodyBytes ?? BODY_LIMITS.json);
        assertNoNul(json, "body");
        body = parseWith(spec.body, json, "body");
      }
      if (spec.submits) await assertSubmitAllowed(request);
      const result = await handler({
        request,
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        requestId,
      });
      const response = result instanceof Response ? result : Response.json(result);
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  return describedRoute(handle, spec);
}
