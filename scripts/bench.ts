/**
 * `npm run bench`: runs each benchmark section in its own process (so one section's memory and
 * timers never colour another's figures) and prints their figures in order.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { printBenchPeak } from "./bench/memory";

const SECTIONS = [
  { name: "simulator renders", script: "scripts/bench-simulator.ts" },
  { name: "studio", script: "scripts/bench/studio.ts" },
  { name: "studio-ui", script: "scripts/bench/studio-ui.ts" },
  { name: "gallery polls and API", script: "scripts/bench/gallery.ts" },
  { name: "load run", script: "scripts/bench/load.ts" },
  { name: "crash run", script: "scripts/bench/crash.ts" },
  { name: "attacks", script: "scripts/bench/attacks.ts" },
];

if (!existsSync(".next/BUILD_ID")) {
  console.log("Building the studio first (npm run build)…");
  const build = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
}

const only = process.argv.slice(2);
let failed = 0;
// Every section appends the memory peak of each studio it starts here; the max is printed at the end.
const memoryDir = mkdtempSync(path.join(tmpdir(), "luma-bench-memory-"));
const memoryLog = path.join(memoryDir, "peaks.jsonl");
for (const section of SECTIONS) {
  if (only.length > 0 && !only.some((word) => section.name.includes(word))) continue;
  if (!existsSync(section.script)) continue;
  console.log(`\n=== ${section.name} ===`);
  const started = Date.now();
  const run = spawnSync(path.resolve("node_modules/.bin/tsx"), [section.script], {
    stdio: "inherit",
    env: { ...process.env, BENCH_MEMORY_LOG: memoryLog },
  });
  console.log(`(${section.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (run.status !== 0) failed++;
}
if (!printBenchPeak(memoryLog)) failed++;
rmSync(memoryDir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
