"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import { forwardRef } from "react";
import type { Task } from "@/lib/shared/task";
import { BoardMenuItems } from "../boards/board-menu-items";
import { menuContent, menuItem, menuItemDanger, menuSeparator } from "../menu-styles";
import { clipAbilities, downloadHref, useRetryClip, useSettingsOf } from "./clip-actions";

export type MenuDialog = "extend" | "continue" | "share" | "delete";

interface Props {
  task: Task;
  /** Touch screens have no hover bar, so Extend and Share are here too. */
  withMainActions: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Asks the card to open a dialog once the menu has closed and handed focus back. */
  onPick: (dialog: MenuDialog) => void;
  onCloseAutoFocus: (event: Event) => void;
}

/** "⋯": everything but the card's two main actions, Delete last and in red. */
export const ClipMenu = forwardRef<HTMLButtonElement, Props>(function ClipMenu(
  { task, withMainActions, open, onOpenChange, onPick, onCloseAutoFocus },
  triggerRef,
) {
  const t = useTranslations();
  const can = clipAbilities(task);
  const retry = useRetryClip(task);
  const useSettings = useSettingsOf(task);
  return (
    <DropdownMenu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      <DropdownMenu.Trigger
        ref={triggerRef}
        aria-label={t("Cards.moreActions")}
        data-testid="clip-menu"
        className="pointer-events-auto inline-flex size-10 items-center justify-center rounded-full bg-scrim text-white backdrop-blur-sm hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent"
      >
        <MoreIcon />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className={menuContent}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          {withMainActions && can.extend ? (
            <DropdownMenu.Item className={menuItem} onSelect={() => onPick("extend")}>
              {t("Lineage.extend")}
            </DropdownMenu.Item>
          ) : null}
          {withMainActions && can.share ? (
            <DropdownMenu.Item className={menuItem} onSelect={() => onPick("share")}>
              {t("Actions.share")}
            </DropdownMenu.Item>
          ) : null}
          {can.download ? (
            <DropdownMenu.Item asChild className={menuItem}>
              <a href={downloadHref(task)} download>
                {t("Actions.download")}
              </a>
            </DropdownMenu.Item>
          ) : null}
          {can.continue ? (
            <DropdownMenu.Item className={menuItem} onSelect={() => onPick("continue")}>
              {t("Lineage.continue")}
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item className={menuItem} onSelect={useSettings}>
            {t("Actions.useSettings")}
          </DropdownMenu.Item>
          {can.retry ? (
            <DropdownMenu.Item
              className={menuItem}
              disabled={retry.isPending}
              onSelect={() => retry.mutate()}
            >
              {retry.isPending ? t("Actions.retrying") : t("Actions.retry")}
            </DropdownMenu.Item>
          ) : null}
          {can.addToBoard ? <BoardMenuItems taskId={task.id} /> : null}
          <DropdownMenu.Separator className={menuSeparator} />
          <DropdownMenu.Item className={menuItemDanger} onSelect={() => onPick("delete")}>
            {t("Actions.delete")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
});

/** "⋯", on a card's menu button and the viewer's. */
export function MoreIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
      <circle cx="4" cy="10" r="1.75" />
      <circle cx="10" cy="10" r="1.75" />
      <circle cx="16" cy="10" r="1.75" />
    </svg>
  );
}
