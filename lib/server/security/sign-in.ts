import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { AppError } from "../http/errors";
import { log } from "../log";
import { clientKey, GuessThrottle } from "./limits";
import { issueSessionValue, sessionCookieHeader } from "./session";

const holder = globalThis as typeof globalThis & { __lumaGuesses?: GuessThrottle };
const guesses = () => {
  holder.__lumaGuesses ??= new GuessThrottle();
  return holder.__lumaGuesses;
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

/** Checks the passcode and answers with the session cookie, or a throttled/plain refusal. */
export function signIn(request: Request, passcode: string): Response {
  const wanted = env().security.passcode;
  if (!wanted) return new Response(null, { status: 204 });
  const client = clientKey(request.headers);
  const wait = guesses().waitFor(client);
  if (wait > 0) throw tooMany(wait);
  if (!sameSecret(passcode, wanted)) {
    const next = guesses().failed(client);
    log.warn("wrong passcode", { client });
    if (next > 0) throw tooMany(next);
    throw new AppError("unauthorized", "That passcode is not right. Check it and try again.", {
      fields: { passcode: "That passcode is not right" },
    });
  }
  guesses().succeeded(client);
  return new Response(null, {
    status: 204,
    headers: { "set-cookie": sessionCookieHeader(request, issueSessionValue()) },
  });
}

export function signOut(request: Request): Response {
  return new Response(null, { status: 204, headers: { "set-cookie": sessionCookieHeader(request, null) } });
}
