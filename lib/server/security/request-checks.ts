import "server-only";

/**
 * CSRF and body-type rules for state-changing requests, pure so they are unit-tested directly.
 *
 * A browser always sends `Origin` on a cross-site POST/PUT/PATCH/DELETE (and `Sec-Fetch-Site`), so a
 * request whose Origin is not ours is refused. A request without Origin did not come from a page on
 * another site: it is a non-browser client (curl, scripts, Playwright's `request`), which could send any
 * header anyway and needs the session cookie like everyone else when a passcode is set.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const BODY_TYPES = [/^application\/json\b/i, /^multipart\/form-data\b/i, /^image\/[\w.+-]+/i];

export type CheckFailure = { code: "forbidden" | "unsupported_media_type"; message: string };

/** The origins a state-changing request may come from: the one it was sent to, and PUBLIC_BASE_URL's. */
export function allowedOrigins(request: Request, publicBaseUrl: string | null): Set<string> {
  const origins = new Set<string>();
  const host = request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const scheme = proto === "https" || proto === "http" ? proto : new URL(request.url).protocol.slice(0, -1);
  if (host) origins.add(`${scheme}://${host}`.toLowerCase());
  if (publicBaseUrl) origins.add(new URL(publicBaseUrl).origin.toLowerCase());
  return origins;
}

export function checkOrigin(request: Request, publicBaseUrl: string | null): CheckFailure | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const refuse = {
    code: "forbidden",
    message: "This request came from another site and was refused.",
  } as const;
  if (request.headers.get("sec-fetch-site") === "cross-site") return refuse;
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  return allowedOrigins(request, publicBaseUrl).has(origin.toLowerCase()) ? null : refuse;
}

function hasBody(request: Request): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  // Not `request.body`: Next hands every POST/DELETE a (possibly empty) stream.
  return request.headers.has("transfer-encoding");
}

/** A body that is not JSON, multipart or an image is refused: HTML forms cannot send JSON cross-site. */
export function checkBodyType(request: Request): CheckFailure | null {
  if (SAFE_METHODS.has(request.method) || !hasBody(request)) return null;
  const type = request.headers.get("content-type") ?? "";
  if (BODY_TYPES.some((pattern) => pattern.test(type))) return null;
  return {
    code: "unsupported_media_type",
    message: "Send the body as application/json (or multipart/form-data or an image for uploads)",
  };
}

/**
 * The installed app's share target is a top-level form POST the browser makes itself (from the phone's
 * share sheet): `Sec-Fetch-Site: none`, and Chromium may send `Origin: null` for it. That one shape is
 * let through besides our own origin; a page on another site always gets `cross-site` (or `same-site`)
 * from the browser, which no page can forge, and is refused like everywhere else.
 */
export function checkShareTargetOrigin(request: Request, publicBaseUrl: string | null): CheckFailure | null {
  const site = request.headers.get("sec-fetch-site");
  const refuse = {
    code: "forbidden",
    message: "This request came from another site and was refused.",
  } as const;
  if (site === "cross-site" || site === "same-site") return refuse;
  const origin = request.headers.get("origin");
  if (origin === "null") return site === "none" ? null : refuse;
  return checkOrigin(request, publicBaseUrl);
}
