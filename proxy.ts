import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/server/env";
import { isDecodablePath } from "@/lib/server/http/input";
import { apiPolicy, pagePolicy, sharePolicy } from "@/lib/server/security/csp";
import { isPublicPath } from "@/lib/server/security/gate";
import { hostAllowed } from "@/lib/server/security/hosts";
import { hostRules } from "@/lib/server/security/hosts-config";
import { passcodeRequired } from "@/lib/server/security/session";
import { hasStudioAccess } from "@/lib/server/security/session-store";
import { mediaOnOtherOrigins } from "@/lib/server/upstream-link";

/**
 * Runs before every page and API route (Next 16 "proxy", Node.js runtime): the Host check (against DNS
 * rebinding, hosts.ts), the sign-in gate for the whole studio when STUDIO_PASSCODE is set (a live
 * server-side session, session-store.ts), a fresh CSP nonce for pages, and the security headers on
 * every answer. Route handlers check the session again (route wrapper, media, simulator), so a path
 * the matcher misses is still closed.
 */

function securityHeaders(pathname: string, nonce: string): Record<string, string> {
  const config = env();
  // The simulator serves its media from the studio's own origin; real upstreams from their CDNs.
  const simulator = !mediaOnOtherOrigins();
  const share = pathname.startsWith("/s/");
  const csp = share
    ? sharePolicy(config.security.shareEmbed, simulator)
    : pathname.startsWith("/api/")
      ? apiPolicy()
      : // NODE_ENV is fixed by Next at build time: development needs eval for React's debugging.
        pagePolicy({ nonce, simulator, dev: process.env.NODE_ENV === "development" });
  const headers: Record<string, string> = {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (!share || config.security.shareEmbed.kind === "none") headers["x-frame-options"] = "DENY";
  return headers;
}

/** 421: this server is not the one for that name. Plain text, so the echoed name can never be markup. */
function misdirected(request: NextRequest, host: string): NextResponse {
  const message = `This studio does not answer to the host name "${host.slice(0, 100)}". Open it through its own address, or add the name to ALLOWED_HOSTS.`;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "misdirected", message } }, { status: 421 });
  }
  return new NextResponse(message, { status: 421, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function refused(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in to use the studio." } },
      { status: 401 },
    );
  }
  const target = new URL("/sign-in", request.url);
  if (pathname !== "/" || search) target.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(target, 303);
}

/** A path that does not decode (`/s/%c0`) names nothing; Next would fail on it with a bare 500. */
function undecodable(pathname: string): NextResponse {
  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: { code: "not_found", message: "Not found" } }, { status: 404 });
  }
  return new NextResponse("Not found", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

/**
 * Next's own trailing-slash redirect answers before the proxy and without any header, so it is off
 * (next.config.mjs `skipTrailingSlashRedirect`) and done here, to this studio only (repeated slashes
 * collapse, so `//evil.example/` cannot become a protocol-relative link).
 */
function withoutTrailingSlash(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname === "/" || !pathname.endsWith("/")) return null;
  // A plain URL: NextURL would put the trailing slash back when it formats itself.
  const target = new URL(request.url);
  target.pathname = `/${pathname.replace(/^\/+|\/+$/g, "").replace(/\/{2,}/g, "/")}`;
  return NextResponse.redirect(target, 308);
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders(pathname, nonce);
  let response: NextResponse;
  const host = request.headers.get("host");
  const redirect = withoutTrailingSlash(request);
  if (!hostAllowed(host, hostRules())) {
    response = misdirected(request, host ?? "");
  } else if (redirect) {
    response = redirect;
  } else if (!isDecodablePath(pathname)) {
    response = undecodable(pathname);
  } else if (passcodeRequired() && !isPublicPath(pathname) && !(await hasStudioAccess(request))) {
    response = refused(request);
  } else {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", headers["content-security-policy"] ?? "");
    requestHeaders.set("x-nonce", nonce);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
