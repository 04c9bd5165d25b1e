import "server-only";
import { z } from "zod";
import {
  createDocument,
  type ZodObjectInput,
  type ZodOpenApiContentObject,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponsesObject,
} from "zod-openapi";
import { IdempotencyKeySchema } from "@/app/api/generations/schema";
import { FamilySchema } from "@/lib/shared/family";
import { ShareInfoSchema, TaskChangesSchema, TaskPageSchema, TaskSchema } from "@/lib/shared/task";
import packageJson from "@/package.json";
import type { DescribedSpec } from "../http/route-spec";
import type { Answer, Method, Operation, OperationKey } from "./operation";
import { OPERATIONS } from "./operations";
import { ErrorBodySchema, HealthSchema, UploadSchema } from "./schemas";

/**
 * Builds the OpenAPI 3.1 document from the route handlers' own specs (params, query, body, access) and
 * OPERATIONS (summaries, answers). Used by the test that keeps docs/openapi.json current, never at run time:
 * the studio serves the committed file.
 */

export interface ApiRoute {
  key: OperationKey;
  /** The handler's `spec`, or undefined for a handler that does not go through `route()`. */
  spec: DescribedSpec | undefined;
}

const WRAPPER_ERRORS: Record<number, string> = {
  400: "`validation_failed`: a field is missing or out of its limits; `fields` names each one",
  401: "`unauthorized`: a passcode is set and the request has no studio session",
  403: "`forbidden`: a state-changing request with the `Origin` of another site",
  415: "`unsupported_media_type`: a body that is not `application/json`",
  429: "`rate_limited`: more than `SUBMIT_RATE_LIMIT` clips started in the last minute",
  500: "`internal`: an unexpected error, logged with `requestId`",
};

function wrapperErrors(method: Method, spec: DescribedSpec | undefined): number[] {
  if (!spec) return [];
  const codes = [500];
  if (spec.params || spec.query || spec.body) codes.push(400);
  if ((spec.access ?? "studio") === "studio") codes.push(401);
  if (!spec.foreignPosts && method !== "GET" && method !== "HEAD") codes.push(403, 415);
  if (spec.submits) codes.push(429);
  return codes;
}

function contentOf(content: Answer["content"]): ZodOpenApiContentObject | undefined {
  if (!content) return undefined;
  if ("_zod" in content) return { "application/json": { schema: content as z.core.$ZodType } };
  return Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema }]));
}

function responsesOf(method: Method, operation: Operation, spec: DescribedSpec | undefined) {
  const responses: ZodOpenApiResponsesObject = {};
  const all = new Map<number, Answer>(Object.entries(operation.responses).map(([s, a]) => [Number(s), a]));
  for (const status of wrapperErrors(method, spec)) {
    if (!all.has(status)) all.set(status, { description: WRAPPER_ERRORS[status] ?? "" });
  }
  for (const [status, answer] of [...all].sort(([a], [b]) => a - b)) {
    const error = status >= 400 && !answer.content;
    responses[`${status}` as `2${string}`] = defined({
      description: answer.description,
      content: error && method !== "HEAD" ? contentOf(ErrorBodySchema) : contentOf(answer.content),
      headers: answer.headers
        ? Object.fromEntries(
            Object.entries(answer.headers).map(([name, description]) => [
              name,
              { description, schema: { type: "string" } },
            ]),
          )
        : undefined,
    });
  }
  return responses;
}

/** zod-openapi walks every key it is given; an undefined one is not "absent" to it. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const IdempotencyHeader = z.object({ "idempotency-key": IdempotencyKeySchema.unwrap().optional() });

function operationOf(key: OperationKey, operation: Operation, spec: DescribedSpec | undefined) {
  const method = key.slice(0, key.indexOf(" ")) as Method;
  const path = spec?.params ?? operation.ownParams;
  return defined<ZodOpenApiOperationObject>({
    operationId: operationIdOf(key),
    summary: operation.summary,
    description: operation.description,
    tags: [operation.tag],
    security: spec && (spec.access ?? "studio") === "studio" ? [{ session: [] }] : [],
    requestParams: defined({
      path: path as ZodObjectInput | undefined,
      query: spec?.query as ZodObjectInput | undefined,
      header: operation.idempotencyKey ? IdempotencyHeader : undefined,
    }),
    requestBody: spec?.body
      ? { required: true, content: { "application/json": { schema: spec.body } } }
      : operation.rawBody
        ? {
            required: true,
            description: operation.rawBody.description,
            content: contentOf(operation.rawBody.content) ?? {},
          }
        : undefined,
    responses: responsesOf(method, operation, spec),
  });
}

/** `POST /api/generations/{id}/share` → `postGenerationsIdShare`. */
function operationIdOf(key: OperationKey): string {
  const words = key
    .replace("/api/", " ")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1)))
    .join("");
}

/** Named once in components; zod-openapi reads the names from zod's global registry. */
const COMPONENTS = {
  Task: TaskSchema,
  TaskPage: TaskPageSchema,
  TaskChanges: TaskChangesSchema,
  ShareInfo: ShareInfoSchema,
  Family: FamilySchema,
  Health: HealthSchema,
  Upload: UploadSchema,
  Error: ErrorBodySchema,
};

function nameComponents() {
  for (const [id, schema] of Object.entries(COMPONENTS)) {
    if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
  }
}

export function buildOpenApiDocument(routes: readonly ApiRoute[]) {
  nameComponents();
  const paths: ZodOpenApiPathsObject = {};
  const sorted = [...routes].sort((a, b) => a.key.localeCompare(b.key));
  for (const { key, spec } of sorted) {
    const operation = OPERATIONS[key];
    if (!operation) throw new Error(`${key} has no entry in lib/server/api-doc/operations.ts`);
    const [method, path] = key.split(" ") as [Method, string];
    paths[path] ??= {};
    const item = paths[path] as Record<string, ZodOpenApiOperationObject>;
    item[method.toLowerCase()] = operationOf(key, operation, spec);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Luma Studio API",
      version: packageJson.version,
      description:
        "The studio's HTTP API (docs/api.md explains each route). Generated from the route handlers' zod schemas by `npm run openapi`.",
    },
    paths,
    components: {
      securitySchemes: {
        session: {
          type: "apiKey",
          in: "cookie",
          name: "luma_session",
          description: "Set by `POST /api/session`; needed only when STUDIO_PASSCODE is set",
        },
      },
    },
  });
}
