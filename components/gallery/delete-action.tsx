"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef } from "react";
import { describeError } from "@/lib/client/error-text";
import type { Task } from "@/lib/shared/task";
import { useDeleteClip } from "./clip-actions";

// Loaded when first opened: most visits delete nothing, and the first load has a budget.
const ConfirmDialog = lazy(() =>
  import("./confirm-dialog").then((module) => ({ default: module.ConfirmDialog })),
);

/**
 * "Delete this clip?" for the card's menu. It says what happens to the clip's extensions: they stay
 * (the server deletes only this clip) and read "Extended from a deleted clip" afterwards.
 */
export function DeleteConfirm({
  task,
  onClose,
  onDeleted,
}: {
  task: Task;
  onClose: () => void;
  /**
   * Once the clip is gone. The viewer closes the confirmation (it stays mounted and moves on to the
   * next clip); by default, for a card that unmounts with its clip, the gallery's heading takes focus.
   */
  onDeleted?: () => void;
}) {
  const t = useTranslations();
  const deleted = useRef(false);
  const remove = useDeleteClip(task, () => {
    if (onDeleted) onDeleted();
    else deleted.current = true;
  });
  // The card unmounts once the clip leaves the list; the gallery's heading, the nearest stable place,
  // then takes focus.
  useEffect(
    () => () => {
      if (deleted.current) document.getElementById("gallery-heading")?.focus();
    },
    [],
  );
  return (
    <Suspense fallback={null}>
      <ConfirmDialog
        open
        title={t("Actions.deleteTitle")}
        confirmLabel={t("Actions.deleteConfirm")}
        busyLabel={t("Actions.deleting")}
        cancelLabel={t("Actions.cancel")}
        busy={remove.isPending}
        error={remove.isError ? describeError(remove.error, t) : null}
        onConfirm={() => remove.mutate()}
        onCancel={onClose}
      >
        <p className="line-clamp-2 italic">“{task.prompt}”</p>
        {task.extensionCount > 0 ? (
          <p className="mt-2 font-medium">
            {t("Cards.deleteWithExtensions", { count: task.extensionCount })}
          </p>
        ) : null}
        <p className="mt-2">{t("Actions.deleteBody")}</p>
      </ConfirmDialog>
    </Suspense>
  );
}
