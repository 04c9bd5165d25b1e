"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { notify } from "@/lib/client/toast";
import { boardErrorText, boardNameProblem, useRenameBoard } from "@/lib/queries/boards";
import type { Board } from "@/lib/shared/board";
import { BOARD_NAME_MAX } from "@/lib/shared/board-limits";

const secondary =
  "inline-flex h-10 shrink-0 items-center whitespace-nowrap rounded-full border border-line px-4 text-sm font-medium text-ink hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";

/**
 * The board's name as the page's heading, with "Rename" beside it: the heading becomes a field (Enter
 * saves, Escape cancels), a refusal is said under it, and focus comes back to "Rename" afterwards.
 */
export function BoardTitle({ board, actions }: { board: Board; actions: ReactNode }) {
  const t = useTranslations();
  const rename = useRenameBoard(board.id);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(board.name);
  const [problem, setProblem] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const id = useId();

  useEffect(() => {
    if (editing) field.current?.select();
    else if (returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const stop = () => {
    returnFocus.current = true;
    setEditing(false);
    setProblem(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = boardNameProblem(name, t);
    if (local) return setProblem(local);
    if (name.trim() === board.name) return stop();
    rename.mutate(name, {
      onSuccess: (renamed) => {
        notify("success", t("BoardPage.renamed", { name: renamed.name }));
        stop();
      },
      onError: (error) => setProblem(boardErrorText(error, name, t)),
    });
  };

  const count = (
    <p className="mt-1 text-sm tabular-nums text-ink-muted">
      {t("Boards.clipCount", { count: board.clipCount })}
    </p>
  );
  if (!editing) {
    return (
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h2 id="board-heading" className="break-words text-title font-semibold tracking-tight text-ink">
            {board.name}
          </h2>
          {count}
        </div>
        <div className="flex items-center gap-2">
          <button
            ref={button}
            type="button"
            onClick={() => {
              setName(board.name);
              setEditing(true);
            }}
            className={secondary}
          >
            {t("BoardPage.rename")}
          </button>
          {actions}
        </div>
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2">
      <h2 id="board-heading" className="sr-only">
        {board.name}
      </h2>
      <label htmlFor={id} className="sr-only">
        {t("BoardPage.renameLabel")}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={field}
          id={id}
          value={name}
          maxLength={BOARD_NAME_MAX + 20}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") stop();
          }}
          className="h-12 min-w-0 flex-1 basis-64 rounded-md border border-line-strong bg-surface px-3 text-xl font-semibold text-ink focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
        />
        <button
          type="submit"
          disabled={rename.isPending}
          className="inline-flex h-10 items-center rounded-full bg-accent px-4 text-sm font-medium text-accent-ink hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
        >
          {rename.isPending ? t("BoardPage.saving") : t("BoardPage.save")}
        </button>
        <button type="button" onClick={stop} className={secondary}>
          {t("BoardPage.cancel")}
        </button>
      </div>
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm text-danger">
          {problem}
        </p>
      ) : null}
      {count}
    </form>
  );
}
