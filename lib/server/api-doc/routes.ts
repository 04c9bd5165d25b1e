import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { routeSpecOf } from "../http/route-spec";
import type { ApiRoute } from "./document";
import { METHODS, type Method, type OperationKey } from "./operation";

/**
 * Every method every app/api/**\/route.ts exports, with its handler's spec: what the OpenAPI document is
 * built from. For the test and `npm run openapi` only (it imports every route module).
 */

const API_DIR = path.resolve(import.meta.dirname, "../../../app/api");

/** `generations/[id]/share/route.ts` → `/api/generations/{id}/share`; `[...key]` → `{key}`. */
export function apiPathOf(file: string): string {
  const segments = file
    .split(/[\\/]/)
    .slice(0, -1)
    .map((segment) => segment.replace(/^\[(?:\.\.\.)?(\w+)\]$/, "{$1}"));
  return `/api/${segments.join("/")}`;
}

export function routeFiles(): string[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .sort();
}

export async function loadApiRoutes(): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles()) {
    const module: Record<string, unknown> = await import(path.join(API_DIR, file));
    for (const method of METHODS) {
      if (!(method in module)) continue;
      const key = `${method} ${apiPathOf(file)}` as OperationKey;
      routes.push({ key, spec: routeSpecOf(module[method as Method]) });
    }
  }
  return routes;
}
