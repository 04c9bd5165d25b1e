import "server-only";
import { localeOfRequest } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { type Translate, translatorFor } from "@/lib/i18n/translate";
import { htmlDocument, noticeBody } from "../html/document";
import { AppError, isAppError } from "../http/errors";
import { log } from "../log";
import { UPLOAD_LIMITS } from "./image";

const IMAGE_OFF_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><rect x="3" y="4" width="18" height="16" rx="2"/><path d="m3 16 5-5 4 4M14 13l2-2 5 5M9 9h.01"/></svg>';

/** The refusal in the visitor's language, naming the limit it broke. */
function sentence(error: AppError, t: Translate): string {
  switch (error.code) {
    case "payload_too_large":
      return t("Shell.shareTarget.tooBig", { mb: UPLOAD_LIMITS.maxBytes / 1024 / 1024 });
    case "unsupported_media_type":
      return t("Shell.shareTarget.notImage");
    case "validation_failed":
    case "bad_request":
      return t("Shell.shareTarget.unusable", {
        min: UPLOAD_LIMITS.minSide,
        max: UPLOAD_LIMITS.maxSide,
        mp: UPLOAD_LIMITS.maxPixels / 1_000_000,
      });
    case "forbidden":
      return t("Shell.shareTarget.otherSite");
    case "rate_limited":
      return t("Shell.shareTarget.tooMany", { seconds: error.extra.retryAfterSeconds ?? 60 });
    default:
      return t("Shell.shareTarget.failed");
  }
}

/**
 * A shared photo the studio refused, answered as a page (the share sheet navigated here, so JSON would
 * be a dead end): what was wrong, in the visitor's language, and the way back. The precise English
 * message (naming the field) rides along in a header for scripts and logs.
 */
export async function shareTargetRefusal(request: Request, error: unknown, requestId: string) {
  const known = isAppError(error)
    ? error
    : new AppError("internal", "Something went wrong on the studio's side. Try again.");
  if (!isAppError(error)) log.error("unexpected error", { requestId, error });
  const locale = localeOfRequest(request.headers);
  const t = translatorFor(locale, await loadMessages(locale));
  const html = htmlDocument(
    locale,
    t("Shell.shareTarget.title"),
    "",
    noticeBody({
      homeLabel: t("Shell.share.home"),
      icon: IMAGE_OFF_ICON,
      heading: t("Shell.shareTarget.heading"),
      body: sentence(known, t),
      action: { href: "/", label: t("Shell.shareTarget.back") },
    }),
  );
  const headers: Record<string, string> = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-request-id": requestId,
    "x-error-code": known.code,
    // Header values are ASCII; the message is ours (English), never the visitor's input.
    "x-error-message": known.message.replace(/[^\x20-\x7e]/g, "?"),
  };
  if (known.extra.retryAfterSeconds) headers["retry-after"] = String(known.extra.retryAfterSeconds);
  return new Response(html, { status: known.status, headers });
}
