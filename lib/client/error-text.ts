import type { Translate } from "@/lib/i18n/translate";
import { ApiError } from "./api";

/**
 * What the creator reads for a failed call, in the page's language. The upstream's own words are kept
 * as they are (they are the useful part); only our framing around them is translated.
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t("Errors.generic");
  switch (error.code) {
    case "network":
      return t("Errors.network");
    case "unexpected_answer":
      return error.status > 0 && error.message.startsWith("The studio answered")
        ? t("Errors.noExplanation", { status: error.status })
        : t("Errors.unexpected");
    case "rate_limited": {
      const seconds = Math.ceil(error.retryAfterSeconds ?? 10);
      // The upstream's limit leaves a failed clip behind (its id comes along); the studio's own submit
      // limit refuses before anything is made.
      return error.taskId ? t("Errors.rateLimited", { seconds }) : t("Errors.tooManyStarts", { seconds });
    }
    case "upstream_rejected":
      if (error.suggestion === "continue_from_last_frame") return t("Errors.parentGone");
      return error.upstream
        ? t(error.taskId ? "Errors.refusedListed" : "Errors.refused", { reason: error.upstream })
        : t("Errors.unauthorized");
    case "upstream_unavailable":
      return t("Errors.unavailable", { reason: error.upstream ?? error.message });
    default:
      // Our own checks (not found, conflict, validation…): the server's sentence, framed.
      return t("Errors.studio", { reason: error.message });
  }
}

/** Failure codes whose reason is the studio's own sentence (messages: Card.failureByCode). */
const OWN_FAILURES = {
  upstream_rate_limited: true,
  upstream_unauthorized: true,
  upstream_parent_missing: true,
  internal: true,
} as const;

/** A failed clip's reason on its card: the upstream's words as they are, our own reasons translated. */
export function failureText(errorCode: string | null, reason: string, t: Translate): string {
  if (errorCode === "upstream_unconfirmed") return t("Card.failureByCode.upstream_unconfirmed");
  if (errorCode && Object.hasOwn(OWN_FAILURES, errorCode)) {
    const own = t(`Card.failureByCode.${errorCode as keyof typeof OWN_FAILURES}`);
    const upstream = /^Rate limited by the upstream: (.+)$/s.exec(reason)?.[1];
    return upstream ? `${own} ${t("Card.failure", { reason: upstream })}` : own;
  }
  return t("Card.failure", { reason });
}
