"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import { forwardRef, useRef } from "react";
import { BoardMenuItems } from "../boards/board-menu-items";
import { useEditAbilities } from "../edit/edit-tools";
import { menuContent, menuItem, menuItemDanger, menuSeparator } from "../menu-styles";
import { FocusFirstItem } from "../ui/lazy-menu";
import { clipAbilities, downloadHref, useImageAsKeyframe, useRetryClip, useSettingsOf } from "./clip-actions";
import { CLIP_MENU_TRIGGER, type ClipMenuProps, MoreIcon } from "./clip-menu";

/**
 * "⋯" with Radix: everything but the card's two main actions, Delete last and in red. Loaded on demand by
 * ./clip-menu, which renders a plain button until the menu first opens.
 */
export const RadixClipMenu = forwardRef<HTMLButtonElement, ClipMenuProps & { openedWithKeyboard: boolean }>(
  function RadixClipMenu(
    { task, withMainActions, open, onOpenChange, onPick, onCloseAutoFocus, openedWithKeyboard },
    triggerRef,
  ) {
    const t = useTranslations();
    const can = clipAbilities(task);
    const tools = useEditAbilities(task).tools;
    const retry = useRetryClip(task);
    const useSettings = useSettingsOf(task);
    const asKeyframe = useImageAsKeyframe(task);
    const content = useRef<HTMLDivElement>(null);
    const keyboardFirst = useRef(openedWithKeyboard);
    return (
      <DropdownMenu.Root open={open} onOpenChange={onOpenChange} modal={false}>
        <DropdownMenu.Trigger
          ref={triggerRef}
          aria-label={t("Cards.moreActions")}
          data-testid="clip-menu"
          className={CLIP_MENU_TRIGGER}
        >
          <MoreIcon />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="end"
            sideOffset={6}
            collisionPadding={8}
            ref={content}
            className={menuContent}
            onCloseAutoFocus={onCloseAutoFocus}
          >
            <FocusFirstItem content={content} pending={keyboardFirst} />
            {can.useAsKeyframe ? (
              <>
                <DropdownMenu.Item
                  className={menuItem}
                  disabled={asKeyframe.isPending}
                  onSelect={() => asKeyframe.mutate("start")}
                >
                  {t("Actions.useAsStart")}
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className={menuItem}
                  disabled={asKeyframe.isPending}
                  onSelect={() => asKeyframe.mutate("end")}
                >
                  {t("Actions.useAsEnd")}
                </DropdownMenu.Item>
              </>
            ) : null}
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
            {tools.map((tool) => (
              <DropdownMenu.Item key={tool} className={menuItem} onSelect={() => onPick(tool)}>
                {t(`Edit.menu.${tool}`)}
              </DropdownMenu.Item>
            ))}
            {can.useSettings ? (
              <DropdownMenu.Item className={menuItem} onSelect={useSettings}>
                {t("Actions.useSettings")}
              </DropdownMenu.Item>
            ) : null}
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
  },
);
