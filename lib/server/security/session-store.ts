import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { getDb } from "../db";
import { sessions } from "../db/schema";
import {
  cookieValue,
  parseSessionValue,
  passcodeRequired,
  SESSION_COOKIE,
  SESSION_DAYS,
  signedSessionValue,
} from "./session";

/**
 * Server-side sessions: signing in adds a row, signing out revokes it, and a cookie opens the studio only
 * while its row is live. The proxy and the route wrapper both ask on every request, so answers are
 * cached per process for CACHE_MS: the instance that signs out forgets at once; another instance on the
 * same PostgreSQL stops accepting the old cookie within CACHE_MS.
 */

export const CACHE_MS = 5_000;
const CACHE_CAP = 10_000;

const holder = globalThis as typeof globalThis & {
  __lumaSessionCache?: Map<string, { live: boolean; at: number }>;
};
const cache = () => {
  holder.__lumaSessionCache ??= new Map();
  return holder.__lumaSessionCache;
};

function remember(id: string, live: boolean, now: number) {
  const map = cache();
  if (map.size >= CACHE_CAP) map.clear();
  map.set(id, { live, at: now });
}

/** Adds a session row (and forgets expired ones); answers the cookie value. */
export async function startSession(now = Date.now()): Promise<string> {
  const id = randomBytes(18).toString("base64url");
  const expires = now + SESSION_DAYS * 86_400_000;
  const db = await getDb();
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date(now)));
  await db.insert(sessions).values({ id, expiresAt: new Date(expires) });
  remember(id, true, now);
  return signedSessionValue(id, expires);
}

export async function sessionLive(value: string | null | undefined, now = Date.now()): Promise<boolean> {
  const id = parseSessionValue(value, now);
  if (!id) return false;
  const cached = cache().get(id);
  if (cached && now - cached.at < CACHE_MS) return cached.live;
  const db = await getDb();
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date(now))));
  remember(id, rows.length > 0, now);
  return rows.length > 0;
}

export async function revokeSession(value: string | null | undefined, now = Date.now()): Promise<void> {
  const id = parseSessionValue(value, now);
  if (!id) return;
  const db = await getDb();
  await db
    .update(sessions)
    .set({ revokedAt: new Date(now) })
    .where(eq(sessions.id, id));
  remember(id, false, now);
}

/** True when the studio is open, or the request carries the cookie of a live session. */
export async function hasStudioAccess(request: Request): Promise<boolean> {
  if (!passcodeRequired()) return true;
  return sessionLive(cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
}
