"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { boardsQueryOptions, useBoardClip, useCachedTask } from "@/lib/queries/boards";
import { menuItem, subMenuContent } from "../menu-styles";
import { BoardsIcon, CheckIcon, ChevronIcon } from "./icons";
import { NewBoardForm } from "./new-board-form";
import { NewBoardItem } from "./new-board-item";

/**
 * "Add to board ▸" for a clip's menu (used inside a Radix DropdownMenu.Content by the card and the
 * viewer): every board with a tick where the clip is on it (ticking keeps the menu open, so a clip
 * goes on several boards at once), and "New board…", which names a board right here and adds the clip.
 */
export function BoardMenuItems({ taskId }: { taskId: string }) {
  const t = useTranslations("Boards");
  const [open, setOpen] = useState(false);
  const [naming, setNaming] = useState(false);
  // The board just made: it takes focus once the list is back, so the keyboard is not left on the page.
  const [made, setMade] = useState<string | null>(null);
  const focusMade = useCallback((item: HTMLDivElement | null) => {
    if (!item) return;
    requestAnimationFrame(() => item.focus());
    setMade(null);
  }, []);
  const task = useCachedTask(taskId);
  const boards = useQuery({ ...boardsQueryOptions(), enabled: open });
  const toggle = useBoardClip(taskId);
  const on = new Set(task?.boardIds ?? []);
  // A phone has no room beside the menu: the list then opens over it, just below "Add to board".
  const trigger = useRef<HTMLDivElement>(null);
  const narrow = open && typeof window !== "undefined" && window.matchMedia("(max-width: 639px)").matches;
  const overlap = narrow ? -((trigger.current?.offsetWidth ?? 200) - 24) : 4;

  return (
    <DropdownMenu.Sub
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setNaming(false);
      }}
    >
      <DropdownMenu.SubTrigger ref={trigger} className={`${menuItem} data-[state=open]:bg-accent-soft`}>
        <BoardsIcon className="size-4 text-ink-muted" />
        <span>{t("addToBoard")}</span>
        <ChevronIcon direction="right" className="ml-auto size-4 text-ink-faint" />
      </DropdownMenu.SubTrigger>
      <DropdownMenu.Portal>
        <DropdownMenu.SubContent
          sideOffset={overlap}
          alignOffset={narrow ? 36 : -4}
          collisionPadding={8}
          className={subMenuContent}
        >
          {naming ? (
            <NewBoardForm
              submitLabel={t("createAndAdd")}
              onCreated={(board) => {
                toggle.mutate({ board, member: true });
                setMade(board.id);
                setNaming(false);
              }}
            />
          ) : (
            <>
              {boards.isPending ? (
                <p role="status" className="px-3 py-2.5 text-ink-muted">
                  {t("loading")}
                </p>
              ) : boards.isError ? (
                <p role="alert" className="px-3 py-2.5 text-danger">
                  {t("loadError", { reason: boards.error.message })}
                </p>
              ) : boards.data.length === 0 ? (
                <p className="max-w-60 px-3 py-2.5 text-ink-muted">{t("none")}</p>
              ) : (
                <div className="max-h-72 overflow-y-auto">
                  {boards.data.map((board) => {
                    const member = on.has(board.id);
                    return (
                      <DropdownMenu.CheckboxItem
                        key={board.id}
                        ref={board.id === made ? focusMade : undefined}
                        checked={member}
                        disabled={!task}
                        onSelect={(event) => event.preventDefault()}
                        onCheckedChange={(checked) => toggle.mutate({ board, member: checked === true })}
                        className={menuItem}
                      >
                        <span className="flex size-4 items-center justify-center text-accent">
                          <DropdownMenu.ItemIndicator>
                            <CheckIcon />
                          </DropdownMenu.ItemIndicator>
                        </span>
                        <span className="min-w-0 flex-1 truncate">{board.name}</span>
                      </DropdownMenu.CheckboxItem>
                    );
                  })}
                </div>
              )}
              <NewBoardItem onStart={() => setNaming(true)} />
            </>
          )}
        </DropdownMenu.SubContent>
      </DropdownMenu.Portal>
    </DropdownMenu.Sub>
  );
}
