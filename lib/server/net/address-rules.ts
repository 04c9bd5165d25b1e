import "server-only";
import { BlockList, isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Addresses a server-side fetch of a URL from outside must never reach: this machine, private networks,
 * link-local (incl. cloud metadata 169.254.169.254 and fd00:ec2::254), CGNAT, multicast and reserved
 * ranges. IPv6 forms that carry an IPv4 address are judged by that address: mapped (::ffff:0:0/96),
 * SIIT (::ffff:0:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16, the relay's
 * IPv4) and Teredo (2001::/32, both its server and its obfuscated client address).
 */

const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blockedV4.addSubnet(net, prefix, "ipv4");
}

// Checked after the embedded-IPv4 forms above are unwrapped; ::/96 and friends never get here.
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blockedV6.addSubnet(net, prefix, "ipv6");
}

const v4 = (bytes: number[], at: number) => bytes.slice(at, at + 4).join(".");

/** The IPv4 addresses an IPv6 address stands for, or null when it is a plain IPv6 address. */
export function embeddedIpv4(bytes: number[]): string[] | null {
  const zero = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
  const word = (at: number) => ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  if (zero(0, 10) && word(10) === 0xffff) return [v4(bytes, 12)]; // ::ffff:a.b.c.d
  if (zero(0, 8) && word(8) === 0xffff && zero(10, 12)) return [v4(bytes, 12)]; // ::ffff:0:a.b.c.d
  if (zero(0, 12)) return [v4(bytes, 12)]; // ::a.b.c.d, also :: and ::1
  if (word(0) === 0x64 && word(2) === 0xff9b && zero(4, 12)) return [v4(bytes, 12)]; // NAT64
  if (word(0) === 0x2002) return [v4(bytes, 2)]; // 6to4
  if (word(0) === 0x2001 && word(2) === 0) {
    const client = bytes.slice(12, 16).map((byte) => byte ^ 0xff);
    return [v4(bytes, 4), client.join(".")]; // Teredo: server, client
  }
  return null;
}

/** True for an address a URL from outside may reach (a public unicast address). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").split("%")[0] ?? "";
  const version = isIP(bare);
  if (version === 4) return !blockedV4.check(bare, "ipv4");
  if (version !== 6) return false;
  const bytes = ipaddr.IPv6.parse(bare).toByteArray();
  const inner = embeddedIpv4(bytes);
  if (inner) return inner.every((address4) => !blockedV4.check(address4, "ipv4"));
  return !blockedV6.check(bare, "ipv6");
}
