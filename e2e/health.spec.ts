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
