/**
 * What every benchmark needs: a standalone simulator on loopback and the built studio pointed at it as a
 * relay (the real client path), each in a throwaway folder. Nothing here leaves 127.0.0.1.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { constants, setPriority, tmpdir } from "node:os";
import path from "node:path";
import { spawnStudioStart } from "../../e2e/support/studio-command";
import {
  createSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from "../../lib/simulator";
import { sampleStudio, treeRssMb } from "./memory";

export const SIM_TOKEN = "bench-simulator-token";

export interface Studio {
  url: string;
  pid: number;
  child: ChildProcess;
  dataDir: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  rssMb(): Promise<number>;
}

export async function startSimulator(
  options: Partial<SimulatorServerOptions> = {},
): Promise<SimulatorServer & { dataDir: string }> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "luma-bench-sim-")));
  const server = await createSimulatorServer({
    port: 0,
    host: "127.0.0.1",
    token: SIM_TOKEN,
    pendingMs: 200,
    processingMs: 500,
    renderScale: 0.25,
    durationScale: 0.2,
    fps: 12,
    preset: "ultrafast",
    concurrency: 4,
    // The simulator stands in for an upstream that renders on its own machines: its ffmpeg runs at the
    // lowest priority, so the renders of other clips do not take the studio's CPU from what is measured.
    onFfmpegSpawn: lowestPriority,
    ...options,
    dataDir,
  });
  return Object.assign(server, { dataDir });
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function lowestPriority(pid: number): void {
  try {
    setPriority(pid, constants.priority.PRIORITY_LOW);
  } catch {
    // The render may already be over.
  }
}

/**
 * Starts `next start` of the existing build on a data folder (new unless given): as a relay client of a
 * standalone simulator when `simulatorUrl` is given, else with its own built-in simulator.
 */
export async function startStudio(options: {
  port: number;
  simulatorUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
}): Promise<Studio> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "luma-bench-studio-")));
  const upstream: Record<string, string> = options.simulatorUrl
    ? { LUMA_PROVIDER: "relay", LUMA_BASE_URL: options.simulatorUrl, LUMA_API_KEY: SIM_TOKEN }
    : { LUMA_PROVIDER: "simulator", SIMULATOR_TOKEN: SIM_TOKEN, SIMULATOR_DIR: `${dataDir}/simulator` };
  const child = spawnStudioStart(
    ["-p", String(options.port)],
    {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      DATABASE_URL: `pglite:${dataDir}/db`,
      MEDIA_DIR: `${dataDir}/media`,
      // The load runs start far more clips per minute than one creator may.
      SUBMIT_RATE_LIMIT: "100000",
      ...upstream,
      ...options.env,
    },
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const memory = sampleStudio(
    child.pid ?? 0,
    `${path.basename(process.argv[1] ?? "bench")} :${options.port}`,
  );
  await waitFor("the studio to answer /api/health", async () => {
    if (child.exitCode !== null) throw new Error("the studio exited during start-up");
    const response = await fetch(`${url}/api/health`);
    return response.ok ? true : undefined;
  });
  return {
    url,
    pid: child.pid ?? 0,
    child,
    dataDir,
    async stop(signal = "SIGTERM") {
      await memory.stop();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    rssMb: () => treeRssMb(child.pid ?? 0),
  };
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Row {
  figure: string;
  value: string;
  budget?: string;
  holds?: boolean;
}

export function printRows(title: string, rows: readonly Row[]): void {
  console.log(title);
  const width = Math.max(...rows.map((row) => row.figure.length));
  for (const row of rows) {
    const verdict = row.holds === undefined ? "" : row.holds ? "  ✔ holds" : "  ✘ MISSED";
    console.log(
      `  ${row.figure.padEnd(width)}  ${row.value}${row.budget ? `  (budget ${row.budget})` : ""}${verdict}`,
    );
  }
}

/** Waits until the studio lists no task still on its way (submitting, queued or running). */
export async function waitUntilIdle(studioUrl: string, what: string, timeoutMs = 180_000): Promise<void> {
  await waitFor(
    what,
    async () => {
      const response = await fetch(`${studioUrl}/api/generations?state=submitting,queued,running&limit=1`);
      const page = (await response.json()) as { tasks: unknown[] };
      return page.tasks.length === 0 ? true : undefined;
    },
    timeoutMs,
  );
}

/** Every task id the standalone simulator holds. */
export async function upstreamTaskIds(simulatorUrl: string): Promise<string[]> {
  const response = await fetch(`${simulatorUrl}/_sim/state`, {
    headers: { authorization: `Bearer ${SIM_TOKEN}` },
  });
  const state = (await response.json()) as { tasks: { id: string }[] };
  return state.tasks.map((task) => task.id);
}
