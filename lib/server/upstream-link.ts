import "server-only";
import { env } from "./env";
import { KEYFRAME_MEDIA_PREFIX } from "./media/access";
import {
  ownSimulatorPath,
  SIMULATOR_MOUNT,
  simulatorBaseUrl,
  simulatorEnabled,
  simulatorToken,
} from "./simulator-link";

/**
 * How the studio reaches its upstream and the media links the upstream hands out. The one place that
 * knows the built-in simulator is special: it is mounted in this very process, on loopback, and its media
 * needs its bearer token or a studio session. Everything else asks here instead of checking the provider.
 */

export interface UpstreamConnection {
  /** The wire format: the simulator speaks the relay's, or the Dream Machine API's with SIMULATOR_API=official. */
  kind: "relay" | "official";
  baseUrl: string;
  apiKey: string;
}

/** Where the provider client connects, and with which token. */
export function upstreamConnection(): UpstreamConnection {
  const { upstream } = env();
  if (upstream.kind === "simulator") {
    const official = env().simulator.api === "official";
    return official
      ? { kind: "official", baseUrl: `${simulatorBaseUrl()}/dream-machine/v1`, apiKey: simulatorToken() }
      : { kind: "relay", baseUrl: simulatorBaseUrl(), apiKey: simulatorToken() };
  }
  return { kind: upstream.kind, baseUrl: upstream.baseUrl, apiKey: upstream.apiKey };
}

/** Scheme, host and port of the upstream itself (`http://127.0.0.1:3000` for the built-in simulator). */
export function upstreamOrigin(): string {
  return new URL(upstreamConnection().baseUrl).origin;
}

/** Where webhooks should be sent: PUBLIC_BASE_URL, or loopback for an upstream in this process; else none. */
export function hookBaseUrl(): string | null {
  const config = env();
  if (config.publicBaseUrl) return config.publicBaseUrl;
  if (simulatorEnabled()) return new URL(simulatorBaseUrl()).origin;
  return null;
}

/** Whether the upstream's media lives on other (https) origins, which the CSP must then allow. */
export function mediaOnOtherOrigins(): boolean {
  return !simulatorEnabled();
}

/** True for a link the studio serves itself, behind its session: a share visitor cannot follow it. */
export function servedByStudio(url: string): boolean {
  return simulatorEnabled() && (url.startsWith(`${SIMULATOR_MOUNT}/`) || ownSimulatorPath(url) !== null);
}

/**
 * Headers for fetching one media link: the bearer token for the studio's own simulator links only, so
 * the token never goes anywhere else (another port or host of the same machine gets nothing).
 */
export function mediaAuthFor(url: string): Record<string, string> {
  if (!simulatorEnabled() || ownSimulatorPath(url) === null) return {};
  return { authorization: `Bearer ${simulatorToken()}` };
}

/**
 * A link as a browser can use it: the simulator's loopback links (the server reached it as localhost or
 * 127.0.0.1) become paths on the studio; every other link is left as it is.
 */
export function browserUrl(url: string): string {
  if (!simulatorEnabled()) return url;
  return ownSimulatorPath(url) ?? url;
}

/**
 * Where a link from an upstream answer may point at a private or loopback address (the SSRF guard's one
 * exception): exactly the configured upstream's own origin, e.g. a relay or standalone simulator on this
 * machine. The built-in simulator is the studio itself, so only its mount is trusted, under each loopback
 * name the server may have used to reach it. Everything else must be a public address.
 */
const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

export function upstreamPrefixes(): string[] {
  if (simulatorEnabled()) {
    return LOOPBACK_NAMES.map((host) => `http://${host}:${env().port}${SIMULATOR_MOUNT}/`);
  }
  return [`${upstreamOrigin()}/`];
}

/**
 * Where the built-in simulator, which runs in this process, may fetch a keyframe from a private or
 * loopback address: only the studio's own signed keyframe media (`/api/media/keyframe/…`), on
 * PUBLIC_BASE_URL and on this port under each loopback name. Any other private address, another port
 * or another path of the studio (its simulator, its API) is refused like anywhere else.
 */
export function ownKeyframePrefixes(): string[] {
  const path = `/api/media/${KEYFRAME_MEDIA_PREFIX}/`;
  const { port, publicBaseUrl } = env();
  const prefixes = LOOPBACK_NAMES.map((host) => `http://${host}:${port}${path}`);
  // As the URL parser writes it (lower-case host, no default port), since the guard compares hrefs.
  if (publicBaseUrl) prefixes.unshift(new URL(`${publicBaseUrl}${path}`).href);
  return prefixes;
}
