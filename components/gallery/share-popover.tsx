"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import type { Task } from "@/lib/shared/task";
import { AnchoredPopover } from "../ui/anchored-popover";
import { SharePanel } from "./share-action";

/**
 * The card's share popover, against the card's action bar: loaded on demand by ./card-actions, so neither
 * Radix nor the share panel is in the studio page's first load. Focus goes back where the card says
 * (`onClose`), and a press on Share itself (`trigger`) is left to Share, which closes it.
 */
export function SharePopover({
  task,
  anchor,
  trigger,
  onClose,
}: {
  task: Task;
  anchor: RefObject<HTMLElement | null>;
  trigger: RefObject<HTMLElement | null>;
  onClose: () => void;
}) {
  const t = useTranslations("Cards");
  return (
    <AnchoredPopover
      anchor={anchor}
      trigger={trigger}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      align="end"
      sideOffset={6}
      collisionPadding={8}
      aria-label={t("shareTitle")}
      onCloseAutoFocus={(event) => event.preventDefault()}
      className="z-50 w-80 max-w-[calc(100vw-1rem)] rounded-panel border border-line bg-surface p-4 shadow-xl"
    >
      <SharePanel task={task} />
    </AnchoredPopover>
  );
}
