import "server-only";
import { env } from "./env";
import { randomToken } from "./tasks/ids";

/**
 * How the studio reaches its built-in simulator, kept apart from the simulator itself so that pages
 * which only rewrite its links do not bundle the renderer.
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
 * The bearer token for a link into our own simulator (its media needs a session or the token when a
 * passcode is set); nothing for any other address, so the token never leaves the machine.
 */
export function simulatorAuthFor(url: string): Record<string, string> {
  // browserUrl() turns exactly our own loopback simulator links (localhost or 127.0.0.1) into paths.
  if (!simulatorEnabled() || url.startsWith("/") || !browserUrl(url).startsWith(`${SIMULATOR_MOUNT}/`))
    return {};
  return { authorization: `Bearer ${simulatorToken()}` };
}

/**
 * Simulator links point at the loopback address the server used (Next may report it as localhost or
 * 127.0.0.1); a browser elsewhere needs them relative to the studio instead.
 */
export function browserUrl(url: string): string {
  if (!simulatorEnabled()) return url;
  const match = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::(\d+))?(\/.*)$/.exec(url);
  if (!match || Number(match[1] ?? 80) !== env().port || !match[2]?.startsWith(`${SIMULATOR_MOUNT}/`))
    return url;
  return match[2];
}
