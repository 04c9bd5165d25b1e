import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { sign } from "./secret";

/**
 * The studio session cookie: `{id}.{expires}.{hmac}`, signed with a key derived from the server secret
 * AND the passcode, so changing the passcode signs everyone out. The id names a row in the sessions
 * table, which sign-out revokes (session-store.ts). It carries no identity: the studio has one kind of
 * user, whoever knows the passcode.
 */

export const SESSION_COOKIE = "luma_session";
export const SESSION_DAYS = 30;

export function passcodeRequired(): boolean {
  return env().security.passcode !== null;
}

function purpose(): string {
  return `session:${env().security.passcode ?? ""}`;
}

export function signedSessionValue(id: string, expires: number): string {
  return `${id}.${expires}.${sign(purpose(), `${id}.${expires}`)}`;
}

/** The session id of a well-signed, unexpired cookie value, or null (says nothing about revocation). */
export function parseSessionValue(value: string | undefined | null, now = Date.now()): string | null {
  if (!value) return null;
  const match = /^([\w-]{24})\.(\d{13})\.([\w-]{43})$/.exec(value);
  if (!match) return null;
  const [, id = "", expires = "", given = ""] = match;
  if (Number(expires) < now) return null;
  const wanted = Buffer.from(sign(purpose(), `${id}.${expires}`));
  const got = Buffer.from(given);
  return wanted.length === got.length && timingSafeEqual(wanted, got) ? id : null;
}

export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** Secure whenever the visitor reached us over HTTPS: directly, through a TLS proxy, or by configuration. */
export function isHttps(request: Request): boolean {
  if (env().publicBaseUrl?.startsWith("https://")) return true;
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded === "https" || new URL(request.url).protocol === "https:";
}

export function sessionCookieHeader(request: Request, value: string | null): string {
  const parts = [
    `${SESSION_COOKIE}=${value ?? ""}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    value ? `Max-Age=${SESSION_DAYS * 86_400}` : "Max-Age=0",
  ];
  if (isHttps(request)) parts.push("Secure");
  return parts.join("; ");
}
