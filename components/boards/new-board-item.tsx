"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import { menuItem, menuSeparator } from "../menu-styles";
import { PlusIcon } from "./icons";

/**
 * "New board…" at the foot of a boards menu (the header's and a clip's "Add to board"): the menu stays
 * open and `onStart` swaps the list for the naming form.
 */
export function NewBoardItem({ onStart }: { onStart: () => void }) {
  const t = useTranslations("Boards");
  return (
    <>
      <DropdownMenu.Separator className={menuSeparator} />
      <DropdownMenu.Item
        onSelect={(event) => {
          event.preventDefault();
          onStart();
        }}
        className={menuItem}
      >
        <PlusIcon className="size-4 text-ink-muted" />
        {t("newBoard")}
      </DropdownMenu.Item>
    </>
  );
}
