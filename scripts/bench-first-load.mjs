// First-load JavaScript (gzip) of the studio page and the public share page, measured on the production
// build: starts `next start` on loopback with throwaway data and the built-in simulator, makes and shares
// one clip, then fetches each page's HTML and gzips every script it would run (inline and external;
// `nomodule` polyfills are skipped because modern browsers do not load them).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const BUDGETS_KB = { "/ (studio)": 200, "/s/{token} (share)": 100 };

async function waitFor(check, what, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function firstLoadBytes(base, pagePath) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  let total = 0;
  let scripts = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, inline] = match;
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    const code = src ? await (await fetch(new URL(src, base))).text() : inline;
    if (!code.trim()) continue;
    total += gzipSync(code, { level: 9 }).length;
    scripts += 1;
  }
  return { total, scripts };
}

export async function benchFirstLoad() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first");
  const data = mkdtempSync(path.join(os.tmpdir(), "luma-bench-"));
  const port = 3900 + Math.floor(Math.random() * 90);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      PORT: String(port),
      LUMA_PROVIDER: "simulator",
      DATABASE_URL: `pglite:${data}/db`,
      MEDIA_DIR: `${data}/media`,
      SIMULATOR_DIR: `${data}/simulator`,
      SIMULATOR_SPEED: "10",
      PUBLIC_BASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  try {
    await waitFor(async () => (await fetch(`${base}/api/health`)).ok, "the studio to start");
    const created = await fetch(`${base}/api/generations`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `bench-${Date.now()}` },
      body: JSON.stringify({ prompt: "A benchmark clip of a quiet harbour" }),
    });
    const { id } = await created.json();
    await waitFor(async () => {
      const task = await (await fetch(`${base}/api/generations/${id}`)).json();
      return task.state === "completed";
    }, "the clip to finish");
    const share = await fetch(`${base}/api/generations/${id}/share`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const { token } = await share.json();
    const rows = [];
    for (const [name, pagePath] of [
      ["/ (studio)", "/"],
      ["/s/{token} (share)", `/s/${token}`],
    ]) {
      const { total, scripts } = await firstLoadBytes(base, pagePath);
      const kb = total / 1024;
      rows.push({ name, kb, scripts, budget: BUDGETS_KB[name], holds: kb <= BUDGETS_KB[name] });
    }
    return rows;
  } finally {
    server.kill("SIGTERM");
    rmSync(data, { recursive: true, force: true });
  }
}

export function printFirstLoad(rows) {
  console.log("\nFirst-load JS (gzip)");
  console.log("page                  scripts   size KB   budget KB   holds");
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(22)}${String(row.scripts).padStart(7)}${row.kb.toFixed(1).padStart(10)}${String(row.budget).padStart(12)}   ${row.holds ? "yes" : "NO"}`,
    );
  }
}
