"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import * as Popover from "@radix-ui/react-popover";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { BoardMenuItems } from "@/components/boards/board-menu-items";
import { FavouriteButton } from "@/components/boards/favourite-button";
import { EditActions } from "@/components/edit/edit-actions";
import { SECONDARY_BUTTON } from "@/components/gallery/action-button";
import { clipAbilities, useImageAsKeyframe, useRetryClip } from "@/components/gallery/clip-actions";
import { MoreIcon } from "@/components/gallery/clip-menu";
import { DeleteConfirm } from "@/components/gallery/delete-action";
import { SharePanel } from "@/components/gallery/share-action";
import { LineageActions } from "@/components/lineage/lineage-actions";
import { menuItem, viewerMenuContent } from "@/components/menu-styles";
import type { Task } from "@/lib/shared/task";

/**
 * Every action on the clip. Extend, Continue and Share (the card's own pieces and hooks, so they behave
 * the same everywhere) stay in sight; the rest sit in one menu. Retry and Delete keep their own buttons,
 * because each owns a confirmation or a result that a closing menu would take with it.
 */
export function ViewerActions({
  task,
  onUseSettings,
  onKeyframeUsed,
}: {
  task: Task;
  onUseSettings: () => void;
  /** Set where the composer is beneath: an image's "Use as keyframe" is offered, then the viewer closes. */
  onKeyframeUsed?: () => void;
}) {
  const t = useTranslations("Viewer");
  const can = clipAbilities(task);
  const finished = can.download;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        {can.useAsKeyframe && onKeyframeUsed ? <KeyframeButtons task={task} onUsed={onKeyframeUsed} /> : null}
        {task.kind === "image" ? null : <LineageActions task={task} />}
        {clipAbilities(task).share ? <ShareButton task={task} /> : null}
        {clipAbilities(task).retry ? <RetryButton task={task} /> : null}
      </div>
      <EditActions task={task} />
      <div className="flex flex-wrap items-center gap-2">
        <FavouriteButton task={task} />
        <Menu.Root>
          <Menu.Trigger
            aria-label={t("more")}
            className="inline-flex h-8 items-center rounded-lg border border-line px-2.5 text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent [@media(pointer:coarse)]:h-10"
          >
            <MoreIcon />
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content align="start" sideOffset={6} data-viewer className={viewerMenuContent}>
              {finished ? (
                <Menu.Item asChild className={menuItem}>
                  <a href={`/api/generations/${encodeURIComponent(task.id)}/download`} download>
                    {t("download")}
                  </a>
                </Menu.Item>
              ) : null}
              {can.useSettings ? (
                <Menu.Item className={menuItem} onSelect={onUseSettings}>
                  {t("useSettings")}
                </Menu.Item>
              ) : null}
              <BoardMenuItems taskId={task.id} />
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
        <DeleteButton task={task} />
      </div>
    </div>
  );
}

/** An image's two uses: into the composer's start or end slot (the viewer closes onto the composer). */
function KeyframeButtons({ task, onUsed }: { task: Task; onUsed: () => void }) {
  const t = useTranslations("Actions");
  const use = useImageAsKeyframe(task);
  return (["start", "end"] as const).map((slot) => (
    <button
      key={slot}
      type="button"
      disabled={use.isPending}
      onClick={() => use.mutate(slot, { onSuccess: onUsed })}
      className={SECONDARY_BUTTON}
    >
      {slot === "start" ? t("useAsStart") : t("useAsEnd")}
    </button>
  ));
}

function ShareButton({ task }: { task: Task }) {
  const t = useTranslations();
  return (
    <Popover.Root>
      <Popover.Trigger className={SECONDARY_BUTTON}>{t("Actions.share")}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          aria-label={t("Cards.shareTitle")}
          className="z-[60] w-80 max-w-[calc(100vw-2rem)] rounded-panel border border-line bg-raised p-4 shadow-xl"
        >
          <SharePanel task={task} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function RetryButton({ task }: { task: Task }) {
  const t = useTranslations();
  const retry = useRetryClip(task);
  return (
    <button
      type="button"
      className={SECONDARY_BUTTON}
      disabled={retry.isPending}
      onClick={() => retry.mutate()}
    >
      {retry.isPending ? t("Actions.retrying") : t("Actions.retry")}
    </button>
  );
}

function DeleteButton({ task }: { task: Task }) {
  const t = useTranslations();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <button type="button" className={`${SECONDARY_BUTTON} text-danger`} onClick={() => setConfirming(true)}>
        {t("Actions.delete")}
      </button>
      {confirming ? (
        <DeleteConfirm
          task={task}
          onClose={() => setConfirming(false)}
          onDeleted={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
