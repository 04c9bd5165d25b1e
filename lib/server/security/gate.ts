/**
 * Which paths anyone may reach without a studio session when a passcode is set. Everything else (every
 * studio page, every other /api route) needs the session cookie. Pure, so it is unit-tested.
 */
const PUBLIC_PREFIXES = [
  "/s/", // share pages
  "/api/media/share/", // media of shared clips, checked per live link
  "/api/media/keyframe/", // signed keyframe links the upstream fetches, checked per signature
  "/api/hooks/", // the upstream's webhooks, checked per task secret
  "/api/simulator/", // the built-in simulator checks its bearer token (or the session) itself
  "/_next/static/", // build assets: code and styles, no data
];
const PUBLIC_PATHS = new Set(["/api/health", "/api/session", "/sign-in", "/favicon.ico", "/robots.txt"]);

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** Where the sign-in page sends the visitor afterwards: a path on this studio only, never another site. */
export function safeNext(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
