import "server-only";
import { isIP } from "node:net";
import { env } from "../env";
import { passcodeRequired } from "./session";

/**
 * Whether an open studio (no passcode) can be reached by others, for the header's warning. The bind
 * address comes from `next start -H/--hostname` in this process's arguments, else HOST/HOSTNAME when it
 * is an IP literal; with neither, Next listens on every interface. A visit through a non-loopback Host
 * (a LAN address, a domain) also counts: whoever can type it, can use the studio.
 */

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, "").toLowerCase();
  return LOOPBACK_NAMES.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name) || name.endsWith(".localhost");
}

export function bindAddress(argv: string[] = process.argv): string | null {
  if (!argv.some((arg) => arg === "start" || arg === "dev")) {
    const host = env().security.bindHost;
    return host && isIP(host) ? host : null;
  }
  const index = argv.findIndex((arg) => arg === "-H" || arg === "--hostname");
  const given = index >= 0 ? argv[index + 1] : argv.find((arg) => arg.startsWith("--hostname="))?.slice(11);
  return given ?? "0.0.0.0";
}

export function openStudioExposed(requestHost: string | null, argv = process.argv): boolean {
  if (passcodeRequired()) return false;
  const bound = bindAddress(argv);
  if (bound && !isLoopbackHost(bound)) return true;
  return requestHost !== null && !isLoopbackHost(requestHost);
}
