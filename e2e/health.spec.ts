import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;

test("GET /api/health reports the provider, the database and the version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    status: "ok",
    provider: "simulator",
    database: { kind: "pglite", ok: true },
    version,
  });
});

test("unknown API routes answer 404", async ({ request }) => {
  const response = await request.get("/api/does-not-exist");
  expect(response.status()).toBe(404);
});

test("GET /api/openapi.json answers the committed OpenAPI document", async ({ request }) => {
  const response = await request.get("/api/openapi.json");
  expect(response.status()).toBe(200);
  const committed: unknown = JSON.parse(readFileSync("docs/openapi.json", "utf8"));
  expect(await response.json()).toEqual(committed);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
