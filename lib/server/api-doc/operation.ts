import "server-only";
import type { z } from "zod";

/**
 * What the OpenAPI document says about one route beyond the schemas its handler parses with (those come
 * from the handler's own `spec`): a summary, the answers with their schemas, and any body the handler
 * reads itself instead of through the route wrapper.
 */

export type Method = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
export const METHODS: readonly Method[] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

/** A plain JSON Schema for what zod does not describe, e.g. a binary body. */
export type JsonSchema = { readonly [key: string]: unknown };
export const BINARY: JsonSchema = { type: "string", format: "binary" };

export interface Answer {
  description: string;
  /** By media type; a bare zod schema means `application/json`; none for an empty body. */
  content?: z.core.$ZodType | Record<string, z.core.$ZodType | JsonSchema>;
  headers?: Record<string, string>;
}

export interface Operation {
  summary: string;
  description?: string;
  tag: "generations" | "boards" | "media" | "session" | "system" | "simulator";
  /** Create, extend and continue take an `Idempotency-Key` header. */
  idempotencyKey?: boolean;
  /** A body the handler reads itself (uploads, webhooks), by media type. */
  rawBody?: { description: string; content: Record<string, JsonSchema | z.core.$ZodType> };
  /** Path parameters of a handler that does not go through `route()` (the simulator's mount). */
  ownParams?: z.core.$ZodType;
  /** Success answers and the errors particular to this route; the wrapper's own errors are added. */
  responses: Record<number, Answer>;
}

/** `"GET /api/generations/{id}"`. */
export type OperationKey = `${Method} /api/${string}`;
