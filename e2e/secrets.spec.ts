import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type APIResponse, expect, type Response, test } from "@playwright/test";
import { solidPng } from "./fixtures/images";
import { spawnStudio, waitForHealth } from "./support/studio-server";

/**
 * Neither the upstream token nor the passcode ever reaches a browser or a log: a studio with a real
 * relay configuration (the standalone simulator as the relay) and distinctive values for both is driven
 * through its main flows; every answer's headers and body, the server's log and every file under
 * .next/static are searched for them.
 */

const TOKEN = "sk-leakcheck-T0KEN-4f9d2b7e1c";
const PASSCODE = "leakcheck-PASSCODE-8e3a61";
const base = Number(process.env.E2E_PORT ?? 3100);
const SIM_PORT = base + 77;
const STUDIO_PORT = base + 76;

function findings(text: string): string[] {
  return [TOKEN, PASSCODE, encodeURIComponent(PASSCODE), Buffer.from(TOKEN).toString("base64")].filter(
    (secret) => text.includes(secret),
  );
}

async function startRelay(dir: string): Promise<ChildProcess> {
  const child = spawn(
    path.resolve("node_modules/.bin/tsx"),
    ["scripts/simulator.ts", "--port", String(SIM_PORT), "--token", TOKEN, "--data-dir", `${dir}/sim`],
    {
      env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
      stdio: "ignore",
    },
  );
  await expect
    .poll(
      async () =>
        (
          await fetch(`http://127.0.0.1:${SIM_PORT}/_sim/state`, {
            headers: { authorization: `Bearer ${TOKEN}` },
          }).catch(() => null)
        )?.status,
      { timeout: 60_000 },
    )
    .toBe(200);
  return child;
}

test("no answer, log line or browser file carries the upstream token or the passcode", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-e2e-secrets-"));
  const relay = await startRelay(dir);
  const url = `http://127.0.0.1:${STUDIO_PORT}`;
  const studio = spawnStudio(STUDIO_PORT, {
    LUMA_PROVIDER: "relay",
    LUMA_BASE_URL: `http://127.0.0.1:${SIM_PORT}`,
    LUMA_API_KEY: TOKEN,
    STUDIO_PASSCODE: PASSCODE,
    PUBLIC_BASE_URL: url,
    DATABASE_URL: `pglite:${dir}/db`,
    MEDIA_DIR: `${dir}/media`,
  });
  const seen: { what: string; text: string }[] = [];
  const record = async (what: string, response: Response | APIResponse) => {
    const headers = JSON.stringify(
      await ("allHeaders" in response ? response.allHeaders() : response.headers()),
    );
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.push({ what, text: `${headers}\n${body.toString("latin1")}` });
    return response;
  };
  try {
    await waitForHealth(url);
    const context = await browser.newContext({ baseURL: url });
    const page = await context.newPage();
    const pending: Promise<unknown>[] = [];
    page.on("response", (response) => {
      pending.push(record(`page ${response.url()}`, response));
    });

    // Sign in: a wrong passcode, then the right one.
    await page.goto("/");
    await page.getByLabel("Passcode").fill("wrong-passcode-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();
    await page.getByLabel("Passcode").fill(PASSCODE);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("region", { name: "Create" })).toBeVisible();

    // Upload, create with the keyframe, wait until the clip is finished and copied, share it.
    const api = page.request;
    const png = await solidPng("k.png", { r: 200, g: 80, b: 40 });
    const upload = (await (
      await record(
        "upload",
        await api.post("/api/uploads", { headers: { "content-type": "image/png" }, data: png.buffer }),
      )
    ).json()) as { id: string };
    const created = await record(
      "create",
      await api.post("/api/generations", {
        headers: { "idempotency-key": "secrets-create-0001" },
        data: { prompt: "A glass of water on a windowsill", startFrame: { uploadId: upload.id } },
      }),
    );
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await expect
      .poll(
        async () => {
          const task = await (await record("task", await api.get(`/api/generations/${id}`))).json();
          return task.state === "completed" && task.video?.stored === true;
        },
        { timeout: 120_000, intervals: [500, 1000] },
      )
      .toBe(true);
    const shared = await (
      await record("share", await api.post(`/api/generations/${id}/share`, { data: {} }))
    ).json();
    for (const path of [
      "/api/generations",
      "/api/generations/changes",
      `/api/generations/${id}/family`,
      `/api/generations/${id}/download`,
      "/api/generations/t_doesnotexist000000000",
      "/api/health",
    ]) {
      await record(path, await api.get(path));
    }
    await record("bad body", await api.post("/api/generations", { data: { prompt: "" } }));
    await record(
      "cross-site",
      await api.post("/api/generations", { headers: { origin: "https://evil.example" }, data: {} }),
    );
    await record("refresh", await api.post(`/api/generations/${id}/refresh`));
    await page.reload();
    await expect(page.getByRole("article").first()).toBeVisible();

    // A visitor without a session: the share page, its media, and the closed studio.
    const visitor = await browser.newContext({ baseURL: url });
    const visitorPage = await visitor.newPage();
    visitorPage.on("response", (response) => {
      pending.push(record(`visitor ${response.url()}`, response));
    });
    await visitorPage.goto(`/s/${shared.token}`);
    await expect(visitorPage.locator("video")).toBeVisible();
    for (const path of ["/", "/api/generations", `/api/media/share/${shared.token}/video.mp4?download=1`]) {
      await record(`visitor ${path}`, await visitorPage.request.get(path, { maxRedirects: 0 }));
    }
    await Promise.all(pending);
    await visitor.close();
    await context.close();

    expect(seen.length).toBeGreaterThan(20);
    for (const { what, text } of seen) expect(findings(text), what).toEqual([]);
    expect(findings(studio.output()), "server log").toEqual([]);
  } finally {
    await studio.stop();
    relay.kill("SIGTERM");
    await fs.rm(dir, { recursive: true, force: true });
  }

  const entries = await fs.readdir(".next/static", { withFileTypes: true, recursive: true });
  const files = entries.filter((entry) => entry.isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    expect(findings(await fs.readFile(file, "latin1")), file).toEqual([]);
  }
});
