import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { spawnStudio, waitForHealth } from "./support/studio-server";

// Extra studios listen beside the main e2e server, so parallel checkouts with their own E2E_PORT never collide.
const base = Number(process.env.E2E_PORT ?? 3100);

test.describe("server process", () => {
  test("a bad configuration stops start-up with one clear line", async () => {
    const studio = spawnStudio(base + 91, {
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
    const studio = spawnStudio(base + 92, { LUMA_PROVIDER: "relay", LUMA_API_KEY: "sk-e2e-secret-9f2c" });
    expect(await studio.exited).not.toBe(0);
    expect(studio.output()).toContain("LUMA_BASE_URL is required when LUMA_PROVIDER=relay");
    expect(studio.output()).not.toContain("sk-e2e-secret-9f2c");
  });

  test("starts with no .env on an empty data folder, creates the embedded database and shows an empty gallery", async ({
    page,
  }) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-e2e-fresh-"));
    const studio = spawnStudio(base + 93, { DATABASE_URL: `pglite:${dir}/db`, MEDIA_DIR: `${dir}/media` });
    try {
      const health = await waitForHealth(studio.url);
      expect(await health.json()).toMatchObject({
        provider: "simulator",
        database: { kind: "pglite", ok: true },
      });
      expect((await fs.readdir(path.join(dir, "db"))).length).toBeGreaterThan(0);
      await page.goto(studio.url);
      await expect(page.getByText("No clips yet")).toBeVisible();
      await page.screenshot({ path: "test-results/artifacts/studio-empty.png", fullPage: true });
    } finally {
      await studio.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  test("a restart keeps every stored clip, and resumes watching it", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-e2e-restart-"));
    const env = {
      PORT: String(base + 94),
      DATABASE_URL: `pglite:${dir}/db`,
      MEDIA_DIR: `${dir}/media`,
      SIMULATOR_DIR: `${dir}/sim`,
      SIMULATOR_SPEED: "10",
    };
    let studio = spawnStudio(base + 94, env);
    try {
      await waitForHealth(studio.url);
      const created = await fetch(`${studio.url}/api/generations`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "restart-test-0001" },
        body: JSON.stringify({ prompt: "a lighthouse at dusk, waves", aspectRatio: "1:1" }),
      });
      expect(created.status).toBe(201);
      const task = (await created.json()) as { id: string };
      await studio.stop();

      studio = spawnStudio(base + 94, env);
      await waitForHealth(studio.url);
      const list = (await (await fetch(`${studio.url}/api/generations`)).json()) as {
        tasks: { id: string }[];
      };
      expect(list.tasks.map((item) => item.id)).toEqual([task.id]);
      await expect
        .poll(
          async () =>
            ((await (await fetch(`${studio.url}/api/generations/${task.id}`)).json()) as { state: string })
              .state,
          {
            timeout: 120_000,
          },
        )
        .toBe("completed");
    } finally {
      await studio.stop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
