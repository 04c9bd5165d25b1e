"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { lazyPart } from "@/lib/client/lazy-part";
import { boardsQueryOptions } from "@/lib/queries/boards";
import { MenuTriggerButton } from "../ui/lazy-menu";
import { BoardsIcon, ChevronIcon } from "./icons";

/** The Boards button's look, shared by the plain first-load button and the Radix trigger. */
export const BOARDS_TRIGGER =
  "inline-flex h-10 items-center gap-1.5 rounded-full border border-line px-3 text-sm font-medium text-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent data-[state=open]:bg-accent-soft";

export function BoardsTriggerFace({ label }: { label: string }) {
  return (
    <>
      <BoardsIcon className="size-4 text-ink-muted" />
      <span className="max-sm:sr-only">{label}</span>
      <ChevronIcon direction="down" className="size-4 text-ink-faint max-sm:hidden" />
    </>
  );
}

const radixNav = lazyPart(() => import("./boards-nav-radix"));

/**
 * The header's "Boards ▾". Until it first opens it is a plain button of the same look, and the Radix menu
 * (./boards-nav-radix) is no part of the studio page's first load: pointer or focus on it loads the
 * menu's module and asks for the boards (so the first load carries no boards request either), and the
 * page loads the module at idle time anyway.
 */
export function BoardsNav() {
  const t = useTranslations("Boards");
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState<{ keyboard: boolean } | null>(null);
  useEffect(() => radixNav.loadWhenIdle(), []);
  const Radix = opened ? radixNav.loaded() : null;
  if (Radix && opened) return <Radix.RadixBoardsNav openedWithKeyboard={opened.keyboard} />;
  const wantBoards = () => void queryClient.prefetchQuery(boardsQueryOptions());
  return (
    <MenuTriggerButton
      menu={radixNav}
      className={BOARDS_TRIGGER}
      onPointerEnter={wantBoards}
      onFocus={wantBoards}
      onOpen={(keyboard) => setOpened({ keyboard })}
    >
      <BoardsTriggerFace label={t("nav")} />
    </MenuTriggerButton>
  );
}
