import "server-only";
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import type { TrustedProxies } from "../env-trust";

/**
 * Who is asking, for limits. Pure (no server-only), so it is unit-tested directly.
 *
 * The socket's peer address (stamped into PEER_HEADER by peer-stamp.ts) is the client, unless
 * TRUSTED_PROXIES says which proxies in front of the studio may name it in `X-Forwarded-For`: a hop
 * count, or the proxies' addresses (proxy-addr walks the list from the socket back while the address is
 * trusted). Without a valid stamp nothing the client sent is believed: every such request shares one
 * bucket, "unknown".
 */

export const PEER_HEADER = "x-luma-peer";

/** The peer address from a stamp made with `secret`, or null. */
export function stampedPeer(headers: Headers, secret: string | undefined): string | null {
  const value = headers.get(PEER_HEADER);
  if (!secret || !value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== secret) return null;
  const address = value.slice(space + 1);
  return isIP(address) ? address : null;
}

export function trustFunction(trust: TrustedProxies): (address: string, hop: number) => boolean {
  if (trust.kind === "none") return () => false;
  if (trust.kind === "hops") return (_address, hop) => hop < trust.hops;
  return proxyaddr.compile(trust.list);
}

/** `::ffff:1.2.3.4` is 1.2.3.4; anything that is not an address is kept short, as a key only. */
function normalise(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  return isIP(address) ? address.toLowerCase() : `invalid:${address.slice(0, 45)}`;
}

export function clientAddress(headers: Headers, peer: string | null, trust: TrustedProxies): string {
  if (!peer) return "unknown";
  if (trust.kind === "none") return normalise(peer);
  const forwarded = headers.get("x-forwarded-for") ?? undefined;
  const request = { socket: { remoteAddress: peer }, headers: { "x-forwarded-for": forwarded } };
  return normalise(proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trustFunction(trust)));
}
