"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { describeError } from "@/lib/client/error-text";
import { notify } from "@/lib/client/toast";
import { useDeleteBoard } from "@/lib/queries/boards";
import type { Board } from "@/lib/shared/board";

/** "Delete board" and its confirmation (a Radix dialog; focus starts on Cancel, the safe choice). */
export function DeleteBoard({ board }: { board: Board }) {
  const t = useTranslations();
  const router = useRouter();
  const remove = useDeleteBoard(board.id);
  const [open, setOpen] = useState(false);

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        notify("success", t("BoardPage.deleted", { name: board.name }));
        router.push("/");
      },
    });

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (remove.isPending) return;
        setOpen(next);
        if (!next) remove.reset();
      }}
    >
      <Dialog.Trigger className="inline-flex h-10 shrink-0 items-center whitespace-nowrap rounded-full border border-line px-4 text-sm font-medium text-danger hover:bg-danger-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger">
        {t("BoardPage.delete")}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-scrim" />
        <Dialog.Content
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            document.getElementById(`cancel-${board.id}`)?.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-panel border border-line bg-raised p-5 text-ink shadow-xl"
        >
          <Dialog.Title className="text-base font-semibold">
            {t("BoardPage.deleteTitle", { name: board.name })}
          </Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-ink-muted">
            {t("BoardPage.deleteBody", { count: board.clipCount })}
          </Dialog.Description>
          {remove.isError ? (
            <p role="alert" className="mt-3 text-sm text-danger">
              {t("Boards.changeFailed", { reason: describeError(remove.error, t) })}
            </p>
          ) : null}
          <div className="mt-5 flex justify-end gap-2">
            <Dialog.Close
              id={`cancel-${board.id}`}
              disabled={remove.isPending}
              className="inline-flex h-10 items-center rounded-full border border-line px-4 text-sm font-medium hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
            >
              {t("BoardPage.cancel")}
            </Dialog.Close>
            <button
              type="button"
              onClick={confirm}
              disabled={remove.isPending}
              className="inline-flex h-10 items-center rounded-full bg-danger px-4 text-sm font-medium text-accent-ink hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
            >
              {remove.isPending ? t("BoardPage.deleting") : t("BoardPage.delete")}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
