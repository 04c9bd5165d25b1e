import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { waitForHealth } from "./support/studio-server";

/**
 * `npm run studio` listens on 127.0.0.1 unless HOST says otherwise, so the header's "open to anyone"
 * warning shows exactly when others can reach an open studio. Runs the script itself (its start half).
 */

const base = Number(process.env.E2E_PORT ?? 3100);

function lanAddress(): string | null {
  for (const entries of Object.values(os.networkInterfaces())) {
    const found = entries?.find((entry) => entry.family === "IPv4" && !entry.internal);
    if (found) return found.address;
  }
  return null;
}

async function startScript(port: number, extra: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "luma-e2e-host-"));
  const child: ChildProcess = spawn("npm", ["run", "--silent", "studio:start", "--", "-p", String(port)], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: `pglite:${dir}/db`,
      MEDIA_DIR: `${dir}/media`,
      SIMULATOR_DIR: `${dir}/sim`,
      LUMA_PROVIDER: "simulator",
      ...extra,
    },
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      // npm runs `next start` in a shell: end the whole group it leads.
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await exited;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

const warning = "Security warning";

test("npm run studio listens on 127.0.0.1 by default, with no open-studio warning", async ({ page }) => {
  const port = base + 55;
  const studio = await startScript(port, {});
  try {
    await waitForHealth(studio.url);
    await page.goto(studio.url);
    await expect(page.getByRole("region", { name: "Create" })).toBeVisible();
    await expect(page.getByRole("note", { name: warning })).toHaveCount(0);
    const lan = lanAddress();
    if (lan) {
      const outside = await fetch(`http://${lan}:${port}/api/health`).then(
        () => "answered",
        () => "refused",
      );
      expect(outside, `${lan} is not listened on`).toBe("refused");
    }
  } finally {
    await studio.stop();
  }
});

test("HOST=0.0.0.0 opens it to the network, and then the open studio says so", async ({ page }) => {
  const port = base + 56;
  const studio = await startScript(port, { HOST: "0.0.0.0" });
  try {
    await waitForHealth(studio.url);
    await page.goto(studio.url);
    const note = page.getByRole("note", { name: warning });
    await expect(note).toContainText("This studio is open to anyone who can reach it.");
    await page.screenshot({ path: "test-results/artifacts/open-studio-warning.png" });
  } finally {
    await studio.stop();
  }
});
