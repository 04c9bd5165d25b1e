"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useEffect, useState } from "react";
import { lazyPart } from "@/lib/client/lazy-part";
import type { EditToolName } from "@/lib/shared/edit-tools";
import type { Task } from "@/lib/shared/task";
import { MenuTriggerButton } from "../ui/lazy-menu";
import { ON_MEDIA_BLUR } from "./action-button";

export type MenuDialog = "extend" | "continue" | "share" | "delete" | EditToolName;

export interface ClipMenuProps {
  task: Task;
  /** Touch screens have no hover bar, so Extend and Share are here too. */
  withMainActions: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Asks the card to open a dialog once the menu has closed and handed focus back. */
  onPick: (dialog: MenuDialog) => void;
  onCloseAutoFocus: (event: Event) => void;
}

/** The ⋯ button's look, shared by the plain first-load button and the Radix trigger that replaces it. */
export const CLIP_MENU_TRIGGER = `pointer-events-auto inline-flex size-10 items-center justify-center rounded-full bg-scrim text-white ${ON_MEDIA_BLUR} hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent`;

const radixMenu = lazyPart(() => import("./clip-menu-radix"));

/**
 * The card's "⋯". Radix and the menu's items are no part of the studio page's first load: the trigger is
 * a plain button of the same look and name until the menu first opens (its module loads at idle time, or
 * as the pointer or focus reaches the button), and the Radix menu (./clip-menu-radix) takes its place
 * from then on.
 */
export const ClipMenu = forwardRef<HTMLButtonElement, ClipMenuProps>(function ClipMenu(props, triggerRef) {
  const t = useTranslations("Cards");
  const [opened, setOpened] = useState<{ keyboard: boolean } | null>(null);
  useEffect(() => radixMenu.loadWhenIdle(), []);
  const Radix = opened ? radixMenu.loaded() : null;
  if (Radix && opened) {
    return <Radix.RadixClipMenu {...props} ref={triggerRef} openedWithKeyboard={opened.keyboard} />;
  }
  return (
    <MenuTriggerButton
      ref={triggerRef}
      menu={radixMenu}
      aria-label={t("moreActions")}
      data-testid="clip-menu"
      className={CLIP_MENU_TRIGGER}
      onOpen={(keyboard) => {
        setOpened({ keyboard });
        props.onOpenChange(true);
      }}
    >
      <MoreIcon />
    </MenuTriggerButton>
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
