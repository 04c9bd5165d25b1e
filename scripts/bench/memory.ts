/**
 * The studio's resident memory through a benchmark. Every studio the harness starts is sampled every
 * 200 ms: its own peak (VmHWM, which the kernel keeps, so a spike between samples still counts) plus the
 * current RSS of every process it spawned (ffmpeg renders of an in-process simulator, anything else).
 * Each section appends its studios' peaks to BENCH_MEMORY_LOG when `npm run bench` sets it; the bench
 * prints the maximum over the whole run against the budget.
 */
import { appendFileSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";

export const RSS_BUDGET_MB = 600;
const SAMPLE_MS = 200;

interface Peak {
  label: string;
  mb: number;
}

const peaks: (Peak & { logged?: boolean })[] = [];

function record(peak: Peak & { logged?: boolean }): void {
  const log = process.env.BENCH_MEMORY_LOG;
  if (peak.logged || !log) return;
  peak.logged = true;
  appendFileSync(log, `${JSON.stringify({ label: peak.label, mb: peak.mb })}\n`);
}

// A section that stops early still reports the studios it started, and says its own peak.
process.once("exit", () => {
  for (const peak of peaks) record(peak);
  const max = sectionPeak();
  if (max) console.log(`studio RSS peak in this section: ${max.mb.toFixed(0)} MB (${max.label})`);
});

async function statusKb(pid: number, field: "VmRSS" | "VmHWM"): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

export async function descendants(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  const direct: number[] = [];
  for (const task of tasks) {
    const text = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
    direct.push(...text.split(/\s+/).filter(Boolean).map(Number));
  }
  const nested = await Promise.all(direct.map(descendants));
  return [...direct, ...nested.flat()];
}

/** The process's own peak plus what its descendants hold now, in MB. */
export async function treePeakMb(pid: number): Promise<number> {
  const children = await descendants(pid);
  const kb = await Promise.all([
    statusKb(pid, "VmHWM"),
    ...children.map((child) => statusKb(child, "VmRSS")),
  ]);
  return kb.reduce((sum, n) => sum + n, 0) / 1024;
}

/** The process tree's resident memory now, in MB. */
export async function treeRssMb(pid: number): Promise<number> {
  const pids = [pid, ...(await descendants(pid))];
  const kb = await Promise.all(pids.map((one) => statusKb(one, "VmRSS")));
  return kb.reduce((sum, n) => sum + n, 0) / 1024;
}

/** Samples one studio until `stop` (call it just before the studio is signalled). */
export function sampleStudio(pid: number, label: string): { peakMb(): number; stop(): Promise<void> } {
  const peak: Peak & { logged?: boolean } = { label, mb: 0 };
  peaks.push(peak);
  let busy: Promise<void> = Promise.resolve();
  const sample = () => {
    busy = treePeakMb(pid).then((mb) => {
      peak.mb = Math.max(peak.mb, mb);
    });
  };
  sample();
  const timer = setInterval(sample, SAMPLE_MS);
  timer.unref();
  let stopped = false;
  return {
    peakMb: () => peak.mb,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await busy;
      sample();
      await busy;
      record(peak);
    },
  };
}

/** The highest studio peak recorded so far in this process. */
export function sectionPeak(): Peak | undefined {
  return peaks.reduce<Peak | undefined>((max, peak) => (max && max.mb >= peak.mb ? max : peak), undefined);
}

/** Reads the peaks every section appended and prints the bench-wide line; false when over budget. */
export function printBenchPeak(logFile: string): boolean {
  const lines = (() => {
    try {
      return readFileSync(logFile, "utf8").split("\n").filter(Boolean);
    } catch {
      return [];
    }
  })();
  const all = lines.map((line) => JSON.parse(line) as Peak);
  if (all.length === 0) return true;
  const max = all.reduce((a, b) => (a.mb >= b.mb ? a : b));
  const holds = max.mb <= RSS_BUDGET_MB;
  console.log(
    `\nstudio RSS peak through the bench: ${max.mb.toFixed(0)} MB, budget ≤ ${RSS_BUDGET_MB} MB ${holds ? "✔" : "✘"}` +
      ` (${all.length} studios sampled; highest: ${max.label})`,
  );
  return holds;
}
