import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/server/env";
import { apiPolicy, pagePolicy, sharePolicy } from "@/lib/server/security/csp";
import { isPublicPath } from "@/lib/server/security/gate";
import { hasStudioAccess, passcodeRequired } from "@/lib/server/security/session";

/**
 * Runs before every page and API route (Next 16 "proxy", Node.js runtime): the sign-in gate for the
 * whole studio when STUDIO_PASSCODE is set, a fresh CSP nonce for pages, and the security headers on
 * every answer. Route handlers check the session again (route wrapper, media, simulator), so a path
 * the matcher misses is still closed.
 */

function securityHeaders(pathname: string, nonce: string): Record<string, string> {
  const config = env();
  const simulator = config.upstream.kind === "simulator";
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

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders(pathname, nonce);
  let response: NextResponse;
  if (passcodeRequired() && !isPublicPath(pathname) && !hasStudioAccess(request)) {
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
