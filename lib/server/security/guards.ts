import "server-only";
import { env } from "../env";
import { AppError } from "../http/errors";
import { clientKey, WindowLimiter } from "./limits";
import { checkBodyType, checkOrigin } from "./request-checks";
import { hasStudioAccess } from "./session";

/** The route wrapper's security steps, in the order it runs them. */

export type Access = "studio" | "public";

export function assertAccess(request: Request, access: Access): void {
  if (access === "studio" && !hasStudioAccess(request)) {
    throw new AppError("unauthorized", "Sign in to use the studio.");
  }
}

export function assertSameOriginJson(request: Request): void {
  const failure = checkOrigin(request, env().publicBaseUrl) ?? checkBodyType(request);
  if (failure) throw new AppError(failure.code, failure.message);
}

const holder = globalThis as typeof globalThis & { __lumaSubmitLimiter?: WindowLimiter };

/** Create, extend and continue: SUBMIT_RATE_LIMIT per minute per client, before anything goes upstream. */
export function assertSubmitAllowed(request: Request): void {
  holder.__lumaSubmitLimiter ??= new WindowLimiter(env().security.submitsPerMinute, 60_000);
  const wait = holder.__lumaSubmitLimiter.take(clientKey(request.headers));
  if (wait > 0) {
    throw new AppError(
      "rate_limited",
      `Too many clips started in the last minute; try again in ${wait} s. Your prompt is kept.`,
      { retryAfterSeconds: wait },
    );
  }
}
