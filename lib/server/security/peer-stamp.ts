import "server-only";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { PEER_HEADER } from "./client-identity";

/**
 * Next.js never hands a route handler or proxy.ts the socket, and it sets `X-Forwarded-For` only when
 * the client did not send one. So the studio stamps the socket's peer address onto every request
 * itself, as the server emits it: any client-sent copy of the internal header is deleted first, and the
 * stamp carries a random per-process secret, so a request that somehow slipped past (one that arrived
 * while the server was still starting) is not believed either. Installed once from instrumentation.ts,
 * which `next start` loads before it handles the first request, however the studio is launched.
 */

const holder = globalThis as typeof globalThis & { __lumaPeerStamp?: string };

export function installPeerStamp(): void {
  if (holder.__lumaPeerStamp) return;
  const stamp = randomBytes(18).toString("base64url");
  const original = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      delete request.headers[PEER_HEADER];
      request.headers[PEER_HEADER] = `${stamp} ${request.socket?.remoteAddress ?? ""}`;
    }
    return original.apply(this, [event, ...args] as Parameters<typeof original>);
  } as typeof original;
  holder.__lumaPeerStamp = stamp;
}

/** The per-process secret of the stamp, or undefined before it is installed. */
export function peerStampSecret(): string | undefined {
  return holder.__lumaPeerStamp;
}
