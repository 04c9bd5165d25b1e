import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { z } from "zod";

/** Starts the built studio (`next start`) for a benchmark and talks to its simulator's control endpoint. */

export const SIM_TOKEN = "bench-simulator-token";
const auth = { authorization: `Bearer ${SIM_TOKEN}` };

export interface Studio {
  url: string;
  stop(): Promise<void>;
}

export async function startStudio(port: number, env: Record<string, string>): Promise<Studio> {
  const child: ChildProcess = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NEXT_TELEMETRY_DISABLED: "1",
        LUMA_PROVIDER: "simulator",
        SIMULATOR_TOKEN: SIM_TOKEN,
        PORT: String(port),
        ...env,
      },
      stdio: "ignore",
    },
  );
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`the studio on ${url} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

const CountersSchema = z.object({ counters: z.object({ tasks: z.record(z.string(), z.number()) }) });

export async function upstreamCountsPerTask(url: string): Promise<Record<string, number>> {
  const response = await fetch(`${url}/api/simulator/_sim/state`, { headers: auth });
  return CountersSchema.parse(await response.json()).counters.tasks;
}

export async function setFaults(url: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${url}/api/simulator/_sim/faults?merge=1`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`faults: HTTP ${response.status}`);
}

const CreatedSchema = z.object({ id: z.string(), upstreamId: z.string() });
const StateSchema = z.object({ state: z.string() });

export async function createTask(url: string, prompt: string) {
  const response = await fetch(`${url}/api/generations`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({ prompt, aspectRatio: "1:1" }),
  });
  return CreatedSchema.parse(await response.json());
}

export async function taskState(url: string, id: string): Promise<string> {
  return StateSchema.parse(await (await fetch(`${url}/api/generations/${id}`)).json()).state;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
