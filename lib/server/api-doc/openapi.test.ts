import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { resetEnvForTests } from "../env";
import { isPublicPath } from "../security/gate";
import { type ApiRoute, buildOpenApiDocument } from "./document";
import type { OperationKey } from "./operation";
import { OPERATIONS } from "./operations";
import { loadApiRoutes } from "./routes";

/**
 * Keeps the API's description true: every method every app/api route exports is described with the
 * schemas its handler parses with and the answers it gives, docs/openapi.json is what they generate
 * (`npm run openapi` rewrites it), and docs/api.md has a section for each route.
 */

const ROOT = path.resolve(import.meta.dirname, "../../..");
// The simulator's mount hands the request to the simulator, which checks it itself; nothing else may skip route().
const UNWRAPPED = /^[A-Z]+ \/api\/simulator\//;
// Posts whose handler takes no body at all.
const BODYLESS_POSTS = new Set<OperationKey>(["POST /api/generations/{id}/refresh"]);

let routes: ApiRoute[];
beforeAll(async () => {
  routes = await loadApiRoutes();
});

const shapeKeys = (schema: z.core.$ZodType | undefined) =>
  schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];

describe("every route is described", () => {
  it("finds the routes (the walk itself works)", () => {
    expect(routes.map((r) => r.key)).toEqual(
      expect.arrayContaining([
        "GET /api/generations",
        "POST /api/generations/{id}/share",
        "GET /api/media/{key}",
      ]),
    );
  });

  it("lists every exported method in operations.ts, and nothing that no route exports", () => {
    const exported = routes.map((r) => r.key).sort();
    expect(Object.keys(OPERATIONS).sort()).toEqual(exported);
  });

  it("parses every route through route() with a schema for each path parameter and body", () => {
    for (const { key, spec } of routes) {
      if (!spec) {
        expect(key, `${key} does not go through route()`).toMatch(UNWRAPPED);
        continue;
      }
      const params = [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(shapeKeys(spec.params).sort(), `${key}: path parameters`).toEqual(params.sort());
      if (key.startsWith("POST ") && !BODYLESS_POSTS.has(key)) {
        expect(spec.body ?? OPERATIONS[key]?.rawBody, `${key}: request body`).toBeTruthy();
      }
    }
  });

  it("describes each success answer, with a zod schema wherever it is JSON", () => {
    for (const [key, operation] of Object.entries(OPERATIONS)) {
      const successes = Object.entries(operation.responses).filter(([status]) => Number(status) < 300);
      expect(successes.length, `${key}: a success answer`).toBeGreaterThan(0);
      for (const [status, answer] of successes) {
        if (status === "204" || key.startsWith("HEAD ")) continue;
        const content = answer.content;
        expect(content, `${key} ${status}: content`).toBeDefined();
        if (!content || "_zod" in content) continue;
        // Anything but JSON (video, images, the simulator's answers) is described by its media type.
        expect(Object.keys(content), `${key} ${status}: JSON goes as a zod schema`).not.toContain(
          "application/json",
        );
      }
    }
  });
});

describe("the committed documents", () => {
  it("docs/openapi.json is what the routes generate (npm run openapi rewrites it)", async () => {
    const document = buildOpenApiDocument(routes);
    await expect(`${JSON.stringify(document, null, 2)}\n`).toMatchFileSnapshot(
      path.join(ROOT, "docs/openapi.json"),
    );
  });

  it("docs/api.md has a section for every operation, and none for a route that does not exist", () => {
    const markdown = readFileSync(path.join(ROOT, "docs/api.md"), "utf8");
    const documented = new Set<string>();
    for (const line of markdown.split("\n").filter((l) => l.startsWith("#"))) {
      for (const match of line.matchAll(/`([A-Z]+ \/api\/[^`]*)`/g)) documented.add(match[1] ?? "");
    }
    expect([...documented].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });
});

describe("GET /api/openapi.json", () => {
  beforeAll(() => {
    process.env.STUDIO_PASSCODE = "correct horse battery";
    resetEnvForTests();
  });
  afterAll(() => {
    delete process.env.STUDIO_PASSCODE;
    resetEnvForTests();
  });

  it("answers the committed document to anyone, with no session even when a passcode is set", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const response = await GET(new Request("http://studio.local/api/openapi.json"));
    expect(response.status).toBe(200);
    const committed: unknown = JSON.parse(readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8"));
    expect(await response.json()).toEqual(committed);
    expect(isPublicPath("/api/openapi.json")).toBe(true);
  });
});
