import "server-only";
import {
  createSimulator,
  type KeyframeFetcher,
  type Simulator,
  type SimulatorOptions,
} from "@/lib/simulator";
import { env } from "./env";
import { safeFetch } from "./net/safe-fetch";
import { simulatorToken } from "./simulator-link";
import { ownKeyframePrefixes } from "./upstream-link";

/**
 * The built-in simulator, mounted at /api/simulator when no real upstream is configured. One instance
 * per process, kept on globalThis because route chunks and instrumentation may load this module apart.
 */

const holder = globalThis as typeof globalThis & { __lumaSimulator?: Simulator };

/**
 * The mounted simulator downloads keyframe URLs from inside the studio's network, later than the studio
 * checked them (a redirect or DNS answer may have changed), so it goes through the SSRF guard too:
 * public addresses, and private or loopback ones only under the studio's own signed keyframe media.
 * The guard's refusal (e.g. "127.0.0.1 is a private or local address") becomes the simulator's 400.
 */
export const guardedKeyframeFetch: KeyframeFetcher = async (url, { maxBytes, timeoutMs }) => {
  const answer = await safeFetch(url, {
    maxBytes,
    timeoutMs,
    accept: "image/*",
    trusted: ownKeyframePrefixes(),
  });
  if (answer.status < 200 || answer.status >= 300) throw new Error(`HTTP ${answer.status}`);
  return answer.body;
};

/** The options the mounted simulator is created with. */
export function simulatorOptions(): SimulatorOptions {
  const { dataDir, speed } = env().simulator;
  return {
    dataDir,
    token: simulatorToken(),
    pendingMs: Math.round(1_500 / speed),
    processingMs: Math.round(4_000 / speed),
    fetchKeyframe: guardedKeyframeFetch,
    // Inside the studio's own process tree, one ffmpeg at a time: each 720p render holds ~250 MB,
    // and ffmpeg already uses every core, so a second at once buys little but memory.
    rendersAtOnce: 1,
  };
}

export function simulator(): Simulator {
  holder.__lumaSimulator ??= createSimulator(simulatorOptions());
  return holder.__lumaSimulator;
}
