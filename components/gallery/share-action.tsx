"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { describeError } from "@/lib/client/error-text";
import { absoluteShareUrl, copyText, shareClip, stopSharing } from "@/lib/client/share";
import { notify } from "@/lib/client/toast";
import { taskKeys } from "@/lib/queries/tasks";
import type { ShareInfo, Task } from "@/lib/shared/task";

const BUTTON =
  "rounded-lg border border-zinc-300 px-3 py-1.5 text-xs font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";

type Notice = { tone: "ok" | "warn"; text: string } | null;

const noSubscription = () => () => {};
/** The page's origin, empty while rendering on the server so hydration sees the same markup. */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}

/**
 * Share / Stop sharing for a finished clip. Sharing copies the public link; the confirmation is both
 * visible and announced (a polite live region), and when the clipboard is refused the link is shown
 * selected so it can be copied by hand.
 */
export function ShareAction({ task }: { task: Task }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const [share, setShare] = useState<ShareInfo | null>(task.share ?? null);
  const [notice, setNotice] = useState<Notice>(null);
  const [known, setKnown] = useState(task.share);
  // The gallery's refreshed answer (new view count, a share made in another tab) wins over local state.
  if (known !== task.share) {
    setKnown(task.share);
    setShare(task.share ?? null);
  }
  const refresh = () => queryClient.invalidateQueries({ queryKey: taskKeys.all });

  const copy = async (link: ShareInfo) => {
    const url = absoluteShareUrl(link, window.location.origin);
    const copied = await copyText(url);
    setNotice(
      copied
        ? { tone: "ok", text: t("Actions.linkCopied") }
        : { tone: "warn", text: t("Actions.copyByHand") },
    );
    if (copied) notify("success", t("Actions.toastCopied"));
  };

  const create = useMutation({
    mutationFn: (change: { showPrompt: boolean; first: boolean }) => shareClip(task.id, change.showPrompt),
    onSuccess: async (link, change) => {
      setShare(link);
      if (change.first) await copy(link);
      else
        setNotice({
          tone: "ok",
          text: change.showPrompt ? t("Actions.promptShown") : t("Actions.promptHidden"),
        });
    },
    onError: (error) => {
      setNotice({ tone: "warn", text: describeError(error, t) });
      notify("error", describeError(error, t));
    },
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => stopSharing(task.id),
    onSuccess: () => {
      setShare(null);
      setNotice({ tone: "ok", text: t("Actions.sharingStopped") });
      notify("success", t("Actions.toastStopped"));
    },
    onError: (error) => {
      setNotice({ tone: "warn", text: describeError(error, t) });
      notify("error", describeError(error, t));
    },
    onSettled: refresh,
  });
  if (task.state !== "completed" || !task.video) return null;
  const busy = create.isPending || revoke.isPending;

  return (
    <>
      {share ? (
        <>
          <button type="button" className={BUTTON} disabled={busy} onClick={() => copy(share)}>
            {t("Actions.copyLink")}
          </button>
          <button type="button" className={BUTTON} disabled={busy} onClick={() => revoke.mutate()}>
            {t("Actions.stopSharing")}
          </button>
        </>
      ) : (
        <button
          type="button"
          className={BUTTON}
          disabled={busy}
          onClick={() => create.mutate({ showPrompt: true, first: true })}
        >
          {create.isPending ? t("Actions.sharing") : t("Actions.share")}
        </button>
      )}
      <div className="basis-full space-y-1 text-xs">
        {share ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-zinc-600 dark:text-zinc-400">
            <input
              readOnly
              aria-label={t("Actions.shareLink")}
              value={origin ? absoluteShareUrl(share, origin) : share.url}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 basis-48 rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 font-mono text-[11px] text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200"
            />
            <span>{t("Actions.views", { count: share.views })}</span>
            <label className="inline-flex cursor-pointer items-center gap-1">
              <input
                type="checkbox"
                checked={share.showPrompt}
                disabled={busy}
                onChange={(event) => create.mutate({ showPrompt: event.target.checked, first: false })}
                className="accent-brand-600"
              />
              {t("Actions.showPrompt")}
            </label>
          </div>
        ) : null}
        <p
          role="status"
          aria-live="polite"
          className={
            notice?.tone === "warn"
              ? "text-amber-900 dark:text-amber-200"
              : "text-emerald-700 dark:text-emerald-300"
          }
        >
          {notice?.text}
        </p>
      </div>
    </>
  );
}
