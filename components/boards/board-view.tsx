"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Gallery } from "@/components/gallery/gallery";
import { ApiError } from "@/lib/client/api";
import { boardQueryOptions } from "@/lib/queries/boards";
import { BoardEmpty } from "./board-empty";
import { BoardTitle } from "./board-title";
import { DeleteBoard } from "./delete-board";
import { ChevronIcon } from "./icons";

/** The board page's body: back to all clips, the name (renamed in place), delete, and its clips. */
export function BoardView({ boardId }: { boardId: string }) {
  const t = useTranslations("BoardPage");
  const board = useQuery(boardQueryOptions(boardId));

  if (board.error instanceof ApiError && board.error.status === 404) {
    return (
      <div role="alert" className="mx-auto max-w-md py-16 text-center">
        <p className="text-base text-ink">{t("notFound")}</p>
        <Link
          href="/"
          className="mt-4 inline-flex h-10 items-center rounded-full bg-accent px-4 text-sm font-medium text-accent-ink hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          {t("allClips")}
        </Link>
      </div>
    );
  }
  if (!board.data) return null;

  return (
    <>
      <nav aria-label={t("boardLabel")} className="mb-2">
        <Link
          href="/"
          className="-ml-2 inline-flex h-10 items-center gap-1 rounded-full px-2 text-sm text-ink-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
        >
          <ChevronIcon direction="right" className="size-4 rotate-180" />
          {t("allClips")}
        </Link>
      </nav>
      <div className="mb-6">
        <BoardTitle board={board.data} actions={<DeleteBoard board={board.data} />} />
      </div>
      <section aria-labelledby="board-heading">
        <Gallery boardId={boardId} empty={<BoardEmpty />} />
      </section>
    </>
  );
}
