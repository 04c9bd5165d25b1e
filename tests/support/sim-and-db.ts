import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createProvider, type LumaProvider } from "@/lib/luma";
import { type OpenDatabase, openDatabase } from "@/lib/server/db/open";
import { createSimulatorServer, type SimulatorServer, type SimulatorServerOptions } from "@/lib/simulator";

/**
 * A throwaway folder holding a real simulator on loopback (fast timings, tiny clips) and, when asked, an
 * embedded database: what the server-side suites test the studio's services against.
 */
export interface SimAndDb {
  dir: string;
  sim: SimulatorServer;
  token: string;
  /** A relay client with no retries of its own, so every request the simulator counts is one call. */
  relay(): LumaProvider;
  database?: OpenDatabase;
  dispose(): Promise<void>;
}

export async function startSimAndDb(
  name: string,
  options: { database?: boolean; simulator?: Partial<SimulatorServerOptions> } = {},
): Promise<SimAndDb> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `luma-${name}-`));
  const token = `${name}-token`;
  const database = options.database
    ? await openDatabase({ kind: "pglite", dataDir: path.join(dir, "db") })
    : undefined;
  const sim = await createSimulatorServer({
    port: 0,
    host: "127.0.0.1",
    dataDir: path.join(dir, "sim"),
    token,
    pendingMs: 50,
    processingMs: 100,
    renderScale: 0.25,
    durationScale: 0.2,
    ...options.simulator,
  });
  return {
    dir,
    sim,
    token,
    database,
    relay: () =>
      createProvider({ kind: "relay", baseUrl: sim.url, apiKey: token, retries: 0, timeoutMs: 5_000 }),
    async dispose() {
      await sim.close();
      await database?.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
