import "server-only";

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
  "/icons/", // the app's icons: browsers fetch them (and the manifest) without cookies
];
const PUBLIC_PATHS = new Set([
  "/api/health",
  "/api/openapi.json", // the API's description: the same for every studio, no instance data
  "/api/session",
  "/sign-in",
  "/favicon.ico",
  "/icon.svg",
  "/apple-touch-icon.png",
  "/manifest.webmanifest", // the same for every studio; fetched without cookies, so it must be public
  "/robots.txt",
  // A photo shared to the installed app: it checks the session itself, and when signed out it stores
  // the photo first and sends the visitor through the sign-in (share-target.ts), so nothing is lost.
  "/share-target",
]);

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

const DUMMY_ORIGIN = "http://studio.invalid";

/**
 * Where the sign-in page sends the visitor afterwards: a path on this studio only, never another site.
 * The value is judged as the browser will read it: parsed by the WHATWG URL parser against a dummy
 * origin (which drops tabs and newlines, turns `\` into `/`, resolves dots), and kept only when it
 * stays on that origin; what is returned is the parsed path, query and fragment, never the raw text.
 */
export function safeNext(value: string | null | undefined): string {
  // Only paths: `http:evil` would resolve against the dummy origin's scheme, but not against https.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the parser trims C0 controls too
  if (!value || !/^[\u0000-\u0020]*[/\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, DUMMY_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== DUMMY_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil` parses to the path `//evil`, which a browser would read as another host.
  if (!path.startsWith("/") || path.startsWith("//") || new URL(path, DUMMY_ORIGIN).origin !== DUMMY_ORIGIN) {
    return "/";
  }
  return path;
}
