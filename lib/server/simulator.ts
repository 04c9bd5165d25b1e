import "server-only";
import { createSimulator, type Simulator } from "@/lib/simulator";
import { env } from "./env";
import { simulatorToken } from "./simulator-link";

/**
 * The built-in simulator, mounted at /api/simulator when no real upstream is configured. One instance
 * per process, kept on globalThis because route chunks and instrumentation may load this module apart.
 */

const holder = globalThis as typeof globalThis & { __lumaSimulator?: Simulator };

export function simulator(): Simulator {
  if (!holder.__lumaSimulator) {
    const { dataDir, speed } = env().simulator;
    holder.__lumaSimulator = createSimulator({
      dataDir,
      token: simulatorToken(),
      pendingMs: Math.round(1_500 / speed),
      processingMs: Math.round(4_000 / speed),
    });
  }
  return holder.__lumaSimulator;
}
