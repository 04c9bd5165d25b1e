"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Suspense, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { describeError } from "@/lib/client/error-text";
import { absoluteShareUrl, copyText, shareClip, stopSharing } from "@/lib/client/share";
import { notify } from "@/lib/client/toast";
import { taskKeys } from "@/lib/queries/tasks";
import type { ShareInfo, Task } from "@/lib/shared/task";
import { OnDemandMessages } from "../on-demand-messages";
import { SECONDARY_BUTTON } from "./action-button";

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
 * The share panel (inside the card's share popover). Opening it for a clip that is not shared yet makes
 * the public link and copies it; each result (copied, stopped, prompt shown or hidden) is told once, by
 * a toast and the live region (`notify`). Only what asks for something stays in the panel: when the
 * clipboard is refused the link is shown selected, with a line saying to copy it by hand.
 */
/**
 * The share panel (the card's popover, the viewer's section). Its sentences come with it (messages/parts):
 * both places load it on demand, so the studio page's first load does without them.
 */
export function SharePanel({ task }: { task: Task }) {
  return (
    <Suspense fallback={null}>
      <OnDemandMessages namespaces={["SharePanel"]}>
        <SharePanelContent task={task} />
      </OnDemandMessages>
    </Suspense>
  );
}

function SharePanelContent({ task }: { task: Task }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const origin = useOrigin();
  const [share, setShare] = useState<ShareInfo | null>(task.share ?? null);
  /** A problem to act on (copy by hand, a refusal); results are not kept here. */
  const [problem, setProblem] = useState<string | null>(null);
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
    setProblem(copied ? null : t("SharePanel.copyByHand"));
    if (copied) notify("success", t("SharePanel.toastCopied"), t("SharePanel.announceCopied"));
  };

  const create = useMutation({
    mutationFn: (change: { showPrompt: boolean; first: boolean }) => shareClip(task.id, change.showPrompt),
    onSuccess: async (link, change) => {
      setShare(link);
      if (change.first) await copy(link);
      else {
        setProblem(null);
        notify("success", change.showPrompt ? t("SharePanel.promptShown") : t("SharePanel.promptHidden"));
      }
    },
    onError: (error) => setProblem(describeError(error, t)),
    onSettled: refresh,
  });
  const revoke = useMutation({
    mutationFn: () => stopSharing(task.id),
    onSuccess: () => {
      setShare(null);
      setProblem(null);
      notify("success", t("SharePanel.toastStopped"), t("SharePanel.sharingStopped"));
    },
    onError: (error) => setProblem(describeError(error, t)),
    onSettled: refresh,
  });
  // Opening Share on a clip that is not shared is the request to share it: decided once, when the panel
  // opens. A refreshed task without a share (after Stop sharing) must not share the clip again.
  const unsharedAtOpen = useRef(!task.share);
  useEffect(() => {
    if (!unsharedAtOpen.current) return;
    unsharedAtOpen.current = false;
    create.mutate({ showPrompt: true, first: true });
  }, [create]);
  const busy = create.isPending || revoke.isPending;

  return (
    <div className="flex flex-col gap-3 text-sm">
      <div>
        <p className="font-medium text-ink">{t("Cards.shareTitle")}</p>
        <p className="text-xs text-ink-muted">{t("SharePanel.explain")}</p>
      </div>
      {share ? (
        <>
          <input
            readOnly
            aria-label={t("SharePanel.shareLink")}
            value={origin ? absoluteShareUrl(share, origin) : share.url}
            onFocus={(event) => event.currentTarget.select()}
            className="h-9 w-full rounded-md border border-line bg-canvas pointer-coarse:h-10 px-2 font-mono text-xs text-ink"
          />
          <div className="flex items-center justify-between gap-3 text-xs text-ink-muted">
            <label className="inline-flex min-h-10 cursor-pointer items-center gap-2">
              <input
                type="checkbox"
                checked={share.showPrompt}
                disabled={busy}
                onChange={(event) => create.mutate({ showPrompt: event.target.checked, first: false })}
                className="size-4 accent-accent"
              />
              {t("SharePanel.showPrompt")}
            </label>
            <span className="tabular-nums">{t("SharePanel.views", { count: share.views })}</span>
          </div>
          <div className="flex flex-wrap justify-end gap-2">
            <button
              type="button"
              className={SECONDARY_BUTTON}
              disabled={busy}
              onClick={() => revoke.mutate()}
            >
              {t("SharePanel.stopSharing")}
            </button>
            <button
              type="button"
              className={`${SECONDARY_BUTTON} border-accent bg-accent text-accent-ink hover:bg-accent-hover`}
              disabled={busy}
              onClick={() => copy(share)}
            >
              {t("SharePanel.copyLink")}
            </button>
          </div>
        </>
      ) : (
        <p className="text-xs text-ink-muted">{create.isPending ? t("SharePanel.sharing") : null}</p>
      )}
      <p role="status" aria-live="polite" className="text-xs text-warn empty:hidden">
        {problem}
      </p>
    </div>
  );
}
