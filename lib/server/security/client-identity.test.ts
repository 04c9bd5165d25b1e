import { describe, expect, it } from "vitest";
import type { TrustedProxies } from "../env-trust";
import { clientAddress, PEER_HEADER, stampedPeer } from "./client-identity";

/** Who a request is, for limits: the socket's peer, unless TRUSTED_PROXIES names proxies to believe. */

const SECRET = "per-process-secret";
const request = (peer: string | null, forwarded?: string, secret = SECRET) => {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_HEADER, `${secret} ${peer}`);
  if (forwarded) headers.set("x-forwarded-for", forwarded);
  return headers;
};
const none = { kind: "none" } as const;

describe("client identity", () => {
  it("without TRUSTED_PROXIES, X-Forwarded-For is ignored: each rotated value is the same client", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const headers = request("127.0.0.1", `198.51.100.${i}`);
      seen.add(clientAddress(headers, stampedPeer(headers, SECRET), none));
    }
    expect([...seen]).toEqual(["127.0.0.1"]);
  });

  it("a stamp the client wrote itself (wrong or no secret) is not believed", () => {
    const forged = request("203.0.113.5", undefined, "guessed");
    expect(stampedPeer(forged, SECRET)).toBeNull();
    expect(clientAddress(forged, stampedPeer(forged, SECRET), none)).toBe("unknown");
    expect(stampedPeer(request("203.0.113.5"), undefined)).toBeNull();
    expect(stampedPeer(request("not-an-address"), SECRET)).toBeNull();
  });

  it("IPv4-mapped peers are their IPv4 address", () => {
    const headers = request("::ffff:192.0.2.7");
    expect(clientAddress(headers, stampedPeer(headers, SECRET), none)).toBe("192.0.2.7");
  });

  it("a hop count believes that many proxies from the socket back", () => {
    const one = { kind: "hops", hops: 1 } as const;
    const two = { kind: "hops", hops: 2 } as const;
    const headers = request("10.0.0.2", "203.0.113.1, 198.51.100.7, 10.0.0.9");
    const peer = stampedPeer(headers, SECRET);
    expect(clientAddress(headers, peer, one)).toBe("10.0.0.9");
    expect(clientAddress(headers, peer, two)).toBe("198.51.100.7");
    // A client that adds its own entries on the left cannot move the one the proxy appended.
    const spoofed = request("10.0.0.2", "1.2.3.4, 198.51.100.7");
    expect(clientAddress(spoofed, stampedPeer(spoofed, SECRET), one)).toBe("198.51.100.7");
    const direct = request("198.51.100.8");
    expect(clientAddress(direct, stampedPeer(direct, SECRET), one)).toBe("198.51.100.8");
  });

  it("a CIDR list walks back while the address is a trusted proxy", () => {
    const trust: TrustedProxies = { kind: "addresses", list: ["10.0.0.0/8", "::1/128"] };
    const behind = request("::1", "198.51.100.7, 10.1.2.3");
    expect(clientAddress(behind, stampedPeer(behind, SECRET), trust)).toBe("198.51.100.7");
    // Not from a trusted proxy: its X-Forwarded-For means nothing.
    const outside = request("203.0.113.50", "198.51.100.7");
    expect(clientAddress(outside, stampedPeer(outside, SECRET), trust)).toBe("203.0.113.50");
  });
});
