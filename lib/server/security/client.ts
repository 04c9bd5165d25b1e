import "server-only";
import { env } from "../env";
import { clientAddress, stampedPeer } from "./client-identity";
import { peerStampSecret } from "./peer-stamp";

/** The client's address for this request: see client-identity.ts and TRUSTED_PROXIES. */
export function requestClient(request: Request): string {
  const peer = stampedPeer(request.headers, peerStampSecret());
  return clientAddress(request.headers, peer, env().security.trustedProxies);
}
