import "server-only";
import { env } from "../env";
import { AppError } from "../http/errors";
import { requestClient } from "./client";
import { checkBodyType, checkOrigin } from "./request-checks";
import { hasStudioAccess } from "./session-store";
import { sharedCounters } from "./shared";

/** The route wrapper's security steps, in the order it runs them. */

export type Access = "studio" | "public";

export async function assertAccess(request: Request, access: Access): Promise<void> {
  if (access === "studio" && !(await hasStudioAccess(request))) {
    throw new AppError("unauthorized", "Sign in to use the studio.");
  }
}

export function assertSameOriginJson(request: Request): void {
  const failure = checkOrigin(request, env().publicBaseUrl) ?? checkBodyType(request);
  if (failure) throw new AppError(failure.code, failure.message);
}

const MINUTE = 60_000;

const limited = (message: string, wait: number) =>
  new AppError("rate_limited", `${message}; try again in ${wait} s. Your prompt is kept.`, {
    retryAfterSeconds: wait,
  });

/**
 * Create, extend and continue, before anything goes upstream: SUBMIT_RATE_LIMIT per minute per client
 * (the socket's peer, or as TRUSTED_PROXIES says) and SUBMIT_RATE_LIMIT_TOTAL per minute for the whole
 * studio, counted in the database so that all instances share both.
 */
export async function assertSubmitAllowed(request: Request): Promise<void> {
  const { submitsPerMinute, submitsPerMinuteTotal } = env().security;
  const counters = sharedCounters();
  const clientKey = `submit:client:${requestClient(request)}`;
  const own = await counters.take(clientKey, submitsPerMinute, MINUTE);
  if (own.wait > 0) throw limited("Too many clips started in the last minute", own.wait);
  const all = await counters.take("submit:all", submitsPerMinuteTotal, MINUTE);
  if (all.wait > 0) {
    await counters.refund(own.id);
    throw limited("This studio has started too many clips in the last minute", all.wait);
  }
}

const KEYFRAME_CHECKS_PER_MINUTE = 30;

/**
 * Keyframe URL checks make the studio fetch a URL someone chose: a few a minute per client are plenty for
 * a creator typing, and too few to use the studio as a scanner.
 */
export async function assertKeyframeCheckAllowed(request: Request): Promise<void> {
  const own = await sharedCounters().take(
    `keyframe-check:client:${requestClient(request)}`,
    KEYFRAME_CHECKS_PER_MINUTE,
    MINUTE,
  );
  if (own.wait > 0) {
    throw new AppError(
      "rate_limited",
      `Too many keyframe URLs checked in the last minute; try again in ${own.wait} s.`,
      { retryAfterSeconds: own.wait },
    );
  }
}
