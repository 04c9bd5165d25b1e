import "server-only";
import type { z } from "zod";
import type { Access } from "../security/guards";

/**
 * What a route handler made by `route()` says about itself, kept on the handler as `spec` so the OpenAPI
 * document (lib/server/api-doc) is built from the very schemas the handler parses with.
 */
export interface DescribedSpec {
  params?: z.core.$ZodType;
  query?: z.core.$ZodType;
  body?: z.core.$ZodType;
  access?: Access;
  foreignPosts?: boolean;
  submits?: boolean;
}

export type DescribedHandler<H> = H & { readonly spec: DescribedSpec };

export function describedRoute<H extends object>(handler: H, spec: DescribedSpec): DescribedHandler<H> {
  return Object.assign(handler, { spec });
}

export function routeSpecOf(handler: unknown): DescribedSpec | undefined {
  if (typeof handler !== "function" || !("spec" in handler)) return undefined;
  return handler.spec as DescribedSpec;
}
