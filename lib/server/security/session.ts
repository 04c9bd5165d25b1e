import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { sign } from "./secret";

/**
 * The studio session: a cookie `{expires}.{hmac}` signed with a key derived from the server secret AND
 * the passcode, so changing the passcode signs everyone out. It carries no identity: the studio has one
 * kind of user, whoever knows the passcode.
 */

export const SESSION_COOKIE = "luma_session";
export const SESSION_DAYS = 30;

export function passcodeRequired(): boolean {
  return env().security.passcode !== null;
}

function purpose(): string {
  return `session:${env().security.passcode ?? ""}`;
}

export function issueSessionValue(now = Date.now()): string {
  const expires = now + SESSION_DAYS * 86_400_000;
  return `${expires}.${sign(purpose(), String(expires))}`;
}

export function validSessionValue(value: string | undefined | null, now = Date.now()): boolean {
  if (!value) return false;
  const match = /^(\d{13})\.([\w-]{43})$/.exec(value);
  if (!match) return false;
  const [, expires = "", given = ""] = match;
  if (Number(expires) < now) return false;
  const wanted = Buffer.from(sign(purpose(), expires));
  const got = Buffer.from(given);
  return wanted.length === got.length && timingSafeEqual(wanted, got);
}

export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** True when the studio is open, or the request carries a valid session cookie. */
export function hasStudioAccess(request: Request): boolean {
  if (!passcodeRequired()) return true;
  return validSessionValue(cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
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
