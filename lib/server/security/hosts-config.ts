import "server-only";
import { networkInterfaces } from "node:os";
import { env } from "../env";
import { bindAddress } from "./exposure";
import { asHostName, type HostRules } from "./hosts";

/**
 * The host rules for this process: PUBLIC_BASE_URL's host, ALLOWED_HOSTS, and the listening address
 * (see exposure.ts for how it is found); when the studio listens on every interface, each interface's
 * address. Recomputed once a minute, since interface addresses can change (DHCP, VPN).
 */

const REFRESH_MS = 60_000;
const holder = globalThis as typeof globalThis & { __lumaHostRules?: { rules: HostRules; at: number } };

function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((entry) => entry.address);
}

function buildRules(): HostRules {
  const { publicBaseUrl, security } = env();
  const names = new Set<string>(security.allowedHosts);
  if (publicBaseUrl) names.add(new URL(publicBaseUrl).hostname);
  const bound = bindAddress();
  const everywhere = bound === null || bound === "0.0.0.0" || bound === "::" || bound === "[::]";
  for (const address of everywhere ? interfaceAddresses() : [bound]) names.add(asHostName(address));
  return { names: new Set([...names].map(asHostName)), any: names.has("*") };
}

export function hostRules(now = Date.now()): HostRules {
  const cached = holder.__lumaHostRules;
  if (cached && now - cached.at < REFRESH_MS) return cached.rules;
  const rules = buildRules();
  holder.__lumaHostRules = { rules, at: now };
  return rules;
}
