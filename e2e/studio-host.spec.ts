import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
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

/** The addresses the kernel says something listens on at `port` (Linux's /proc/net tables). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (!local || state !== "0A") continue; // 0A: LISTEN
      const [hex, portHex] = local.split(":");
      if (!hex || Number.parseInt(portHex ?? "", 16) !== port) continue;
      found.push(hex.length === 8 ? ipv4(hex) : ipv6(hex));
    }
  }
  return found;
}

/** /proc writes each 32-bit word in host (little-endian) order. */
const wordBytes = (word: string) =>
  (word.match(/../g) ?? []).reverse().map((byte) => Number.parseInt(byte, 16));
const ipv4 = (hex: string) => wordBytes(hex).join(".");
function ipv6(hex: string): string {
  const bytes = (hex.match(/.{8}/g) ?? []).flatMap(wordBytes);
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] ?? 0) << 8) | (bytes[2 * i + 1] ?? 0));
  if (groups.every((group) => group === 0)) return "::";
  if (groups.slice(0, 7).every((group) => group === 0) && groups[7] === 1) return "::1";
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${bytes.slice(12).join(".")}`;
  }
  return groups.map((group) => group.toString(16)).join(":");
}

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
  const exited = new Promise<"stopped">((resolve) => child.on("exit", () => resolve("stopped")));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      // npm runs `next start` in a shell: end the whole group it leads. A studio that does not stop
      // on SIGTERM while a tab is open (its long poll held) is a bug, named here, not a test timeout.
      let outcome: "stopped" | "still running" = "stopped";
      if (child.pid && child.exitCode === null) {
        process.kill(-child.pid, "SIGTERM");
        outcome = await Promise.race([
          exited,
          new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 30_000)),
        ]);
        if (outcome !== "stopped") process.kill(-child.pid, "SIGKILL");
      }
      await fs.rm(dir, { recursive: true, force: true });
      expect(outcome, "the studio stops within 30 s of SIGTERM").toBe("stopped");
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
    expect(listeningAddresses(port), "the kernel's listening sockets on the port").toEqual(["127.0.0.1"]);
    const lan = lanAddress();
    if (lan) {
      // Bounded: on some networks a connection to an address nobody listens on is swallowed, not
      // refused; no answer within 5 s is as good as a refusal (the studio answers in milliseconds).
      const outside = await fetch(`http://${lan}:${port}/api/health`, {
        signal: AbortSignal.timeout(5_000),
      }).then(
        () => "answered",
        () => "no answer",
      );
      expect(outside, `${lan} is not listened on`).toBe("no answer");
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
    expect(listeningAddresses(port).some((address) => address === "0.0.0.0" || address === "::")).toBe(true);
    await page.screenshot({ path: "test-results/artifacts/open-studio-warning.png" });
  } finally {
    await studio.stop();
  }
});
