/**
 * Render benchmark for the built-in simulator: `npx tsx scripts/bench-simulator.ts`.
 * Prints how long a 5 s 720p and a 5 s 1080p clip take end to end (submit → completed, one at a time),
 * the ffmpeg wall time, and peak memory of the ffmpeg children (VmHWM) and of this node process.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { createSimulatorServer } from "../lib/simulator";

interface Child {
  pid: number;
  started: number;
  ended: number | null;
  peakKb: number;
}

const children: Child[] = [];
const peakKb = (pid: number): number | null => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return null;
  }
};

// Sample often: an ffmpeg child lives only a few seconds and /proc forgets it on exit.
const sampler = setInterval(() => {
  for (const child of children) {
    if (child.ended !== null) continue;
    const kb = peakKb(child.pid);
    if (kb === null) child.ended = Date.now();
    else child.peakKb = Math.max(child.peakKb, kb);
  }
}, 20);

const token = "bench-token";
const dataDir = await mkdtemp(path.join(tmpdir(), "luma-sim-bench-"));
const server = await createSimulatorServer({
  port: 0,
  token,
  dataDir,
  pendingMs: 0,
  processingMs: 0,
  concurrency: 1,
  onFfmpegSpawn: (pid) => children.push({ pid, started: Date.now(), ended: null, peakKb: peakKb(pid) ?? 0 }),
});
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const taskSchema = z.object({ id: z.string(), state: z.string(), failure_reason: z.string().nullable() });

async function renderOnce(resolution: "720p" | "1080p") {
  const before = children.length;
  const started = performance.now();
  const created = taskSchema.parse(
    await (
      await fetch(`${server.url}/luma/generations`, {
        method: "POST",
        headers,
        body: JSON.stringify({ user_prompt: `benchmark scene ${resolution}`, resolution, duration: "5s" }),
      })
    ).json(),
  );
  let task = created;
  while (task.state !== "completed" && task.state !== "failed") {
    await new Promise((resolve) => setTimeout(resolve, 25));
    task = taskSchema.parse(
      await (await fetch(`${server.url}/luma/generations/${created.id}`, { headers })).json(),
    );
  }
  if (task.state === "failed") throw new Error(`render failed: ${task.failure_reason}`);
  const wall = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 60));
  const mine = children.slice(before);
  const ffmpegSeconds = mine.reduce((sum, c) => sum + ((c.ended ?? Date.now()) - c.started) / 1000, 0);
  const ffmpegPeakMb = Math.max(...mine.map((c) => c.peakKb)) / 1024;
  return { resolution, wall, ffmpegSeconds, ffmpegPeakMb };
}

try {
  const rows = [];
  for (const resolution of ["720p", "1080p"] as const) rows.push(await renderOnce(resolution));
  console.log("simulator render benchmark (5 s clip, 24 fps, clean + watermarked H.264, thumbnails)");
  for (const row of rows) {
    console.log(
      `  ${row.resolution.padEnd(6)} submit→completed ${row.wall.toFixed(2)} s | ffmpeg ${row.ffmpegSeconds.toFixed(2)} s | ffmpeg peak RSS ${row.ffmpegPeakMb.toFixed(0)} MB`,
    );
  }
  const nodePeakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `  node process peak RSS ${nodePeakMb.toFixed(0)} MB (current ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB)`,
  );
} finally {
  clearInterval(sampler);
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
}
