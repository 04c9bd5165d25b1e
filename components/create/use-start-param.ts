"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { apiFetch } from "@/lib/client/api";
import { type Keyframes, SLOTS } from "./use-keyframes";

const UPLOAD_ID = /^u_[A-Za-z0-9_-]{1,62}$/;

/**
 * `/?start=<uploadId>` and `/?end=<uploadId>` (the share target's redirect) fill that slot from the stored
 * upload, then leave the address, so a reload or a shared link does not fill it again.
 */
export function useStartParam(keyframes: Keyframes) {
  const c = useTranslations("Composer");
  const { setUpload, setError } = keyframes;
  useEffect(() => {
    const url = new URL(window.location.href);
    const wanted = SLOTS.flatMap((slot) => {
      const id = url.searchParams.get(slot);
      return id === null ? [] : [{ slot, id }];
    });
    if (wanted.length === 0) return;
    for (const { slot } of wanted) url.searchParams.delete(slot);
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    for (const { slot, id } of wanted) {
      if (!UPLOAD_ID.test(id)) {
        setError(slot, c("sharedMissing"));
        continue;
      }
      // Not aborted on unmount: the parameter is already gone, so a second mount could not ask again.
      apiFetch(`/api/uploads/${encodeURIComponent(id)}`, {}, (s) => s.UploadAnswerSchema)
        .then((upload) => setUpload(slot, upload, c("sharedName")))
        .catch(() => setError(slot, c("sharedMissing")));
    }
  }, [c, setUpload, setError]);
}
