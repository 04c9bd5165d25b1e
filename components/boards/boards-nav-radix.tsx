"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { notify } from "@/lib/client/toast";
import { boardsQueryOptions } from "@/lib/queries/boards";
import type { Board } from "@/lib/shared/board";
import { menuContent, menuItem, menuLabel } from "../menu-styles";
import { FocusFirstItem } from "../ui/lazy-menu";
import { BOARDS_TRIGGER, BoardsTriggerFace } from "./boards-nav";
import { BoardsIcon } from "./icons";
import { NewBoardForm } from "./new-board-form";
import { NewBoardItem } from "./new-board-item";

/**
 * The header's "Boards ▾" with Radix: every board with its cover and clip count, each a link to its page,
 * and "New board…", which names one in place and opens it. Loaded on demand by ./boards-nav, which
 * renders a plain button until the menu first opens; it mounts open.
 */
export function RadixBoardsNav({ openedWithKeyboard }: { openedWithKeyboard: boolean }) {
  const t = useTranslations("Boards");
  const [open, setOpen] = useState(true);
  const [naming, setNaming] = useState(false);
  const boards = useQuery(boardsQueryOptions());
  const content = useRef<HTMLDivElement>(null);
  const keyboardFirst = useRef(openedWithKeyboard);
  const router = useRouter();
  const pathname = usePathname();

  const created = (board: Board) => {
    setOpen(false);
    setNaming(false);
    notify("success", t("created", { name: board.name }));
    router.push(`/boards/${board.id}`);
  };

  return (
    <DropdownMenu.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setNaming(false);
      }}
    >
      <DropdownMenu.Trigger className={BOARDS_TRIGGER}>
        <BoardsTriggerFace label={t("nav")} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          ref={content}
          align="end"
          sideOffset={6}
          collisionPadding={8}
          className={`${menuContent} w-72`}
        >
          <FocusFirstItem content={content} pending={keyboardFirst} />
          {naming ? (
            <NewBoardForm submitLabel={t("create")} onCreated={created} />
          ) : (
            <>
              <DropdownMenu.Label className={menuLabel}>{t("navLabel")}</DropdownMenu.Label>
              {boards.isPending ? (
                <p role="status" className="px-3 py-2.5 text-ink-muted">
                  {t("loading")}
                </p>
              ) : boards.isError ? (
                <p role="alert" className="px-3 py-2.5 text-danger">
                  {t("loadError", { reason: boards.error.message })}
                </p>
              ) : boards.data.length === 0 ? (
                <p className="px-3 py-2.5 text-ink-muted">{t("none")}</p>
              ) : (
                <div className="max-h-[min(24rem,60vh)] overflow-y-auto">
                  {boards.data.map((board) => {
                    const here = pathname === `/boards/${board.id}`;
                    return (
                      <DropdownMenu.Item key={board.id} asChild className={`${menuItem} py-1.5`}>
                        <Link href={`/boards/${board.id}`} aria-current={here ? "page" : undefined}>
                          <BoardCover board={board} />
                          <span className="flex min-w-0 flex-1 flex-col">
                            <span className={`truncate ${here ? "font-semibold" : "font-medium"}`}>
                              {board.name}
                            </span>
                            <span className="text-xs tabular-nums text-ink-faint">
                              {t("clipCount", { count: board.clipCount })}
                            </span>
                          </span>
                        </Link>
                      </DropdownMenu.Item>
                    );
                  })}
                </div>
              )}
              <NewBoardItem onStart={() => setNaming(true)} />
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

function BoardCover({ board }: { board: Board }) {
  return board.cover ? (
    // biome-ignore lint/performance/noImgElement: a 36 px poster from the studio's own media route
    <img src={board.cover.url} alt="" className="size-9 shrink-0 rounded-md bg-surface object-cover" />
  ) : (
    <span className="flex size-9 shrink-0 items-center justify-center rounded-md border border-line bg-surface text-ink-faint">
      <BoardsIcon className="size-4" />
    </span>
  );
}
