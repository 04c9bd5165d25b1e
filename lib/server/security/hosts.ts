import "server-only";
import { isIP } from "node:net";

/**
 * Which `Host` names the studio answers to (against DNS rebinding: a page on another name, pointed at
 * this machine's address, must not be able to drive the studio). Allowed: PUBLIC_BASE_URL's host,
 * loopback names (localhost, *.localhost, 127.0.0.0/8, [::1]), the listening address (all of this
 * machine's interface addresses when it listens on every interface), and ALLOWED_HOSTS (`*`: any).
 * Ports are not compared. Pure, so it is unit-tested directly; hosts-config.ts gathers the lists.
 */

export interface HostRules {
  names: Set<string>;
  any: boolean;
}

const HOST_SYNTAX = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/** The host name of a Host header, as the URL parser normalises it (lower case, IPv6 in brackets). */
export function hostName(header: string): string | null {
  if (!HOST_SYNTAX.test(header)) return null;
  try {
    return new URL(`http://${header}`).hostname.replace(/\.$/, "");
  } catch {
    return null;
  }
}

/** `::1` and `[::1]` alike are written `[::1]`, as a Host header carries them. */
export function asHostName(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  return isIP(bare) === 6 ? `[${bare.toLowerCase()}]` : bare.toLowerCase();
}

export function isLoopbackName(name: string): boolean {
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    name === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

/** True when a request with this Host header may be answered (no Host at all cannot be a rebinding). */
export function hostAllowed(header: string | null, rules: HostRules): boolean {
  if (header === null || rules.any) return true;
  const name = hostName(header);
  if (name === null) return false;
  return isLoopbackName(name) || rules.names.has(name);
}
