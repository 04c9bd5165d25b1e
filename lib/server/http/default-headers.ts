import "server-only";
import http from "node:http";

/**
 * The security headers on every answer this process sends, including the ones Next makes before
 * proxy.ts or next.config.mjs headers() can act: the repeated-slash 308 (`//x/` → `/x/`), a bare
 * "Internal Server Error", a 400 for a path it cannot decode. Each header is only a default: an answer
 * that sets its own (proxy.ts: a page's CSP with its nonce, the share page's framing) keeps it.
 */

const SHARED: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
};
const CLOSED: Record<string, string> = {
  ...SHARED,
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
};
// The share page's framing is SHARE_EMBED's to decide (csp.ts), so no frame rule here.
const SHARE: Record<string, string> = { ...SHARED, "content-security-policy": "default-src 'none'" };

export function defaultHeadersFor(url: string | undefined): Record<string, string> {
  return url?.startsWith("/s/") ? SHARE : CLOSED;
}

const INSTALLED = Symbol.for("luma-studio.defaultSecurityHeaders");

export function installDefaultSecurityHeaders(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) {
      for (const [name, value] of Object.entries(defaultHeadersFor(this.req?.url))) {
        // Headers given to writeHead itself take precedence over these (Node merges them over setHeader).
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof proto.writeHead;
  proto[INSTALLED] = true;
}
