"use client";

import { useTranslations } from "next-intl";
import { describeError } from "@/lib/client/error-text";

interface Props {
  /** The live feed is retrying: the studio did not answer its last request. */
  reconnecting: boolean;
  /** The live feed gave up on an error the studio will not take back (e.g. the session ended). */
  stopped: Error | null;
}

/**
 * Says when the gallery is not live: while the studio cannot be reached (a restart, a dropped network)
 * and once the feed has stopped. The polite live region is always in the page, so a screen reader
 * hears the notice come and go; it is empty while all is well.
 */
export function ConnectionNotice({ reconnecting, stopped }: Props) {
  const t = useTranslations();
  const message = stopped
    ? t("Gallery.liveStopped", { reason: describeError(stopped, t) })
    : reconnecting
      ? t("Gallery.reconnecting")
      : null;
  return (
    <div role="status" aria-live="polite" data-testid="connection-notice">
      {message ? (
        <p className="mb-4 flex items-start gap-3 rounded-panel border border-warn bg-warn-soft px-4 py-2 text-sm text-ink">
          {reconnecting && !stopped ? (
            <span
              aria-hidden="true"
              className="mt-1.5 size-2 shrink-0 animate-pulse rounded-full bg-warn motion-reduce:animate-none"
            />
          ) : null}
          <span className="min-w-0 flex-1">{message}</span>
          {stopped ? (
            <button type="button" className="shrink-0 underline" onClick={() => window.location.reload()}>
              {t("Gallery.reload")}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
