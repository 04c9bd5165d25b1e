"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { boardErrorText, boardNameProblem, useCreateBoard } from "@/lib/queries/boards";
import type { Board } from "@/lib/shared/board";
import { BOARD_NAME_MAX } from "@/lib/shared/board-limits";

/**
 * Naming a new board, inside a Radix menu: typing stays in the field (the menu's typeahead and arrow
 * keys are kept out, Escape still closes the menu), Enter creates, and a refusal is said under the
 * field, tied to it for screen readers.
 */
export function NewBoardForm({
  submitLabel,
  onCreated,
}: {
  submitLabel: string;
  onCreated: (board: Board) => void;
}) {
  const t = useTranslations();
  const create = useCreateBoard();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  // After the menu has moved focus to where it thinks it belongs.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = boardNameProblem(name, t);
    if (local) {
      setProblem(local);
      input.current?.focus();
      return;
    }
    create.mutate(name, {
      onSuccess: (board) => onCreated(board),
      onError: (error) => {
        setProblem(boardErrorText(error, name, t));
        input.current?.focus();
      },
    });
  };
  const keepKeys = (event: KeyboardEvent) => {
    if (event.key !== "Escape") event.stopPropagation();
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 p-2" noValidate>
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {t("Boards.nameLabel")}
      </label>
      <input
        ref={input}
        id={id}
        value={name}
        maxLength={BOARD_NAME_MAX + 20}
        placeholder={t("Boards.namePlaceholder")}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onKeyDown={keepKeys}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(null);
        }}
        className="h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-ink placeholder:text-ink-faint focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger"
      />
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-xs text-danger">
          {problem}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={create.isPending}
        onKeyDown={keepKeys}
        className="h-10 rounded-md bg-accent px-3 text-sm font-medium text-accent-ink hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
      >
        {create.isPending ? t("Boards.creating") : submitLabel}
      </button>
    </form>
  );
}
