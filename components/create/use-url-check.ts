"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { ApiError, isAbort } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { checkKeyframeUrl } from "@/lib/client/keyframe-check";
import { keyframeProblemSentence, slotWord } from "@/lib/client/keyframe-url-problems";
import { loadSchemas } from "@/lib/client/load-schemas";
import type { Slot } from "./use-keyframes";

export type UrlCheck =
  | { status: "idle" }
  | { status: "checking"; url: string }
  | { status: "ok"; url: string; width: number; height: number; preview: string }
  | { status: "problem"; url: string; message: string };

/**
 * Checks a keyframe URL as soon as it is entered: the shape in the browser, then the studio fetches it
 * through its guard (POST /api/keyframes/check) and answers with a preview or the problem. The same URL
 * is not checked twice in a row.
 */
export function useUrlCheck(slot: Slot, onUrl: (url: string, preview: string) => void) {
  const t = useTranslations();
  const [check, setCheck] = useState<UrlCheck>({ status: "idle" });
  const last = useRef<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const run = useCallback(
    async (raw: string) => {
      const url = raw.trim();
      if (!url || url === last.current) return;
      last.current = url;
      inFlight.current?.abort();
      const schemas = await loadSchemas().catch(() => null);
      // A URL typed since then is checked by its own call.
      if (last.current !== url) return;
      if (schemas && !schemas.KeyframeInputSchema.safeParse({ url }).success) {
        setCheck({ status: "problem", url, message: t("Composer.urlScheme", { slot: slotWord(slot, t) }) });
        return;
      }
      const controller = new AbortController();
      inFlight.current = controller;
      setCheck({ status: "checking", url });
      try {
        const answer = await checkKeyframeUrl(url, controller.signal);
        setCheck({ status: "ok", url, width: answer.width, height: answer.height, preview: answer.preview });
        onUrl(url, answer.preview);
      } catch (error) {
        if (controller.signal.aborted || isAbort(error)) return;
        // A failed check may be tried again with the same URL (the network may be back).
        last.current = null;
        let message = describeError(error, t);
        if (error instanceof ApiError && error.code === "rate_limited")
          message = t("Composer.tooManyChecks", { seconds: error.retryAfterSeconds ?? 60 });
        else if (error instanceof ApiError && error.fields.url)
          message = keyframeProblemSentence(slot, error.fields.url, t) ?? message;
        setCheck({ status: "problem", url, message });
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    [onUrl, slot, t],
  );

  const reset = useCallback(() => {
    inFlight.current?.abort();
    last.current = null;
    setCheck({ status: "idle" });
  }, []);

  return { check, run, reset };
}
