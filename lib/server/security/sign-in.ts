import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { AppError } from "../http/errors";
import { log } from "../log";
import { requestClient } from "./client";
import { GuessReport } from "./guess-report";
import { GuessThrottle } from "./limits";
import { cookieValue, SESSION_COOKIE, sessionCookieHeader } from "./session";
import { revokeSession, startSession } from "./session-store";
import { sharedCounters } from "./shared";

/**
 * Sign-in, in this order, so that no guess is compared unless every limit allows it:
 * 1. the client's own wait (after 5 wrong passcodes: 2 s, 4 s, … 15 min; limits.ts),
 * 2. the studio-wide ceiling, CEILING tries per 10 min over all clients and all instances (a slot is
 *    taken in the shared counters before comparing and given back when the passcode was right),
 * 3. the comparison, constant-time on hashes.
 * Tries still being checked count against the client's free tries, so parallel requests cannot all
 * slip under the per-client limit together: one past them waits its turn (429, 1 s).
 * The client is the socket's peer unless TRUSTED_PROXIES says otherwise (client-identity.ts).
 */

export const CEILING = 100;
const CEILING_WINDOW_MS = 10 * 60_000;
const CEILING_KEY = "passcode:all";

const holder = globalThis as typeof globalThis & {
  __lumaGuesses?: GuessThrottle;
  __lumaGuessReport?: GuessReport;
  __lumaCeilingUntil?: number;
  __lumaSigningIn?: Map<string, number>;
};
const guesses = () => {
  holder.__lumaGuesses ??= new GuessThrottle();
  return holder.__lumaGuesses;
};
const report = () => {
  if (!holder.__lumaGuessReport) {
    const made = new GuessReport((message, figures) => log.warn(message, { ...figures }));
    process.once("exit", () => made.flush());
    holder.__lumaGuessReport = made;
  }
  return holder.__lumaGuessReport;
};

// Hashes first so the comparison takes the same time whatever the lengths.
function sameSecret(given: string, wanted: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(wanted));
}

const tooMany = (wait: number) =>
  new AppError("rate_limited", `Too many wrong passcodes. Try again in ${wait} s.`, {
    retryAfterSeconds: wait,
  });

/** Takes a slot under the ceiling, or throws; while it is known to be full, without asking the database. */
async function takeCeilingSlot(client: string): Promise<string | null> {
  const now = Date.now();
  const until = holder.__lumaCeilingUntil ?? 0;
  if (until > now) {
    report().noteRefused(client);
    throw tooMany(Math.ceil((until - now) / 1000));
  }
  const taken = await sharedCounters().take(CEILING_KEY, CEILING, CEILING_WINDOW_MS, now);
  if (taken.wait > 0) {
    // Remembered for a few seconds at most, so another instance's give-back is seen soon.
    holder.__lumaCeilingUntil = now + Math.min(taken.wait, 5) * 1000;
    report().noteRefused(client);
    throw tooMany(taken.wait);
  }
  return taken.id;
}

/** Checks the passcode and answers with the session cookie, or a throttled/plain refusal. */
export async function signIn(request: Request, passcode: string): Promise<Response> {
  const wanted = env().security.passcode;
  if (!wanted) return new Response(null, { status: 204 });
  const client = requestClient(request);
  const wait = guesses().waitFor(client);
  holder.__lumaSigningIn ??= new Map();
  const pending = holder.__lumaSigningIn;
  const inFlight = pending.get(client) ?? 0;
  if (wait > 0 || (inFlight > 0 && inFlight >= guesses().freeLeft(client))) {
    report().noteRefused(client);
    throw tooMany(Math.max(wait, 1));
  }
  pending.set(client, inFlight + 1);
  try {
    return await checkPasscode(request, client, passcode, wanted);
  } finally {
    const left = (pending.get(client) ?? 1) - 1;
    if (left > 0) pending.set(client, left);
    else pending.delete(client);
  }
}

async function checkPasscode(request: Request, client: string, passcode: string, wanted: string) {
  const slot = await takeCeilingSlot(client);
  const right = sameSecret(passcode, wanted);
  report().noteCompared(client, right);
  if (!right) {
    const next = guesses().failed(client);
    if (next > 0) throw tooMany(next);
    throw new AppError("unauthorized", "That passcode is not right. Check it and try again.", {
      fields: { passcode: "That passcode is not right" },
    });
  }
  await sharedCounters().refund(slot);
  guesses().succeeded(client);
  const value = await startSession();
  return new Response(null, { status: 204, headers: { "set-cookie": sessionCookieHeader(request, value) } });
}

/** Ends the session server-side (the cookie no longer opens anything, on any instance) and clears it. */
export async function signOut(request: Request): Promise<Response> {
  await revokeSession(cookieValue(request.headers.get("cookie"), SESSION_COOKIE));
  return new Response(null, { status: 204, headers: { "set-cookie": sessionCookieHeader(request, null) } });
}
