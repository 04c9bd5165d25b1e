import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spawnStudio, waitForHealth } from "./support/studio-server";

test.describe("server process", () => {
  test("a bad configuration stops start-up with one clear line", async () => {
    const studio = spawnStudio(3191, {
      LUMA_PROVIDER: "openai",
      DATABASE_URL: "pglite:/nonexistent-never-created",
    });
    const code = await studio.exited;
    expect(code).not.toBe(0);
    const lines = studio
      .output()
      .split("\n")
      .filter((line) => line.includes("Invalid configuration"));
    expect(lines).toEqual([
      "Invalid configuration: LUMA_PROVIDER must be one of: simulator, relay, official",
    ]);
  });

  test("a missing relay token is named without printing other secrets", async () => {
    const studio = spawnStudio(3192, { LUMA_PROVIDER: "relay", LUMA_API_KEY: "sk-e2e-secret-9f2c" });
    expect(await studio.exited).not.toBe(0);
    expect(studio.output()).toContain("LUMA_BASE_URL is required when LUMA_PROVIDER=relay");
    expect(studio.output()).not.toContain("sk-e2e-secret-9f2c");
  });

  test("starts with no .env on an empty data folder and creates the embedded database there", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-e2e-fresh-"));
    const studio = spawnStudio(3193, { DATABASE_URL: `pglite:${dir}/db`, MEDIA_DIR: `${dir}/media` });
    try {
      const health = await waitForHealth(studio.url);
      expect(await health.json()).toMatchObject({
        provider: "simulator",
        database: { kind: "pglite", ok: true },
      });
      expect((await fs.readdir(path.join(dir, "db"))).length).toBeGreaterThan(0);
    } finally {
      await studio.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
