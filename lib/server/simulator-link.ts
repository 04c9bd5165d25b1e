import "server-only";
import { env } from "./env";
import { randomToken } from "./tasks/ids";

/**
 * The built-in simulator's address and token, kept apart from the simulator itself so that pages which
 * only rewrite its links do not bundle the renderer. Only upstream-link.ts (the studio's one view of its
 * upstream), the simulator and its mount read this.
 */

const holder = globalThis as typeof globalThis & { __lumaSimulatorToken?: string };

export const SIMULATOR_MOUNT = "/api/simulator";

/** The bearer token between the studio and its own simulator: configured, or random per process. */
export function simulatorToken(): string {
  const configured = env().simulator.token;
  if (configured) return configured;
  holder.__lumaSimulatorToken ??= randomToken();
  return holder.__lumaSimulatorToken;
}

export function simulatorEnabled(): boolean {
  return env().upstream.kind === "simulator";
}

/** The address the studio's server uses to reach its own simulator. */
export function simulatorBaseUrl(): string {
  return `http://127.0.0.1:${env().port}${SIMULATOR_MOUNT}`;
}

/**
 * The path of a link into this studio's own simulator (loopback, this port, under the mount), or null.
 * Next may report the loopback address as localhost or 127.0.0.1, so both count.
 */
export function ownSimulatorPath(url: string): string | null {
  const match = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?(\/.*)$/.exec(url);
  if (!match || Number(match[1] ?? 80) !== env().port || !match[2]?.startsWith(`${SIMULATOR_MOUNT}/`))
    return null;
  return match[2];
}
