"use client";

import type { InfiniteData } from "@tanstack/react-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import * as z from "zod/mini";
import { apiFetch } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { notify } from "@/lib/client/toast";
import { removeTask } from "@/lib/queries/merge";
import { taskKeys } from "@/lib/queries/tasks";
import type { Task, TaskPage } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";

// Loaded when first opened: most visits delete nothing, and the first load has a budget.
const ConfirmDialog = lazy(() =>
  import("./confirm-dialog").then((module) => ({ default: module.ConfirmDialog })),
);

/** Deletes the clip and its stored media after a confirmation. */
export function DeleteAction({ task }: { task: Task }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Once loaded the dialog stays mounted, so closing it is the native close(), which hands focus back
  // to the button that opened it (unmounting an open modal would drop focus on the floor).
  const [loaded, setLoaded] = useState(false);
  const deleted = useRef(false);
  // The card (and this dialog) unmount once the clip leaves the list; only then is the rest of the page
  // focusable again, so the gallery's heading, the nearest stable place, takes focus here.
  useEffect(
    () => () => {
      if (deleted.current) document.getElementById("gallery-heading")?.focus();
    },
    [],
  );
  const remove = useMutation({
    mutationFn: () =>
      apiFetch(`/api/generations/${encodeURIComponent(task.id)}`, { method: "DELETE" }, z.unknown()),
    onSuccess: () => {
      deleted.current = true;
      setOpen(false);
      notify("success", t("Actions.deleted"));
      queryClient.setQueriesData<InfiniteData<TaskPage, string | null>>(
        { queryKey: taskKeys.lists() },
        (data) => (data ? removeTask(data, task.id) : data),
      );
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists() });
    },
  });

  const close = () => {
    setOpen(false);
    remove.reset();
  };

  return (
    <>
      <button
        type="button"
        className={ACTION_CLASS}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {t("Actions.delete")}
      </button>
      {loaded ? (
        <Suspense fallback={null}>
          <ConfirmDialog
            open={open}
            title={t("Actions.deleteTitle")}
            confirmLabel={t("Actions.deleteConfirm")}
            busyLabel={t("Actions.deleting")}
            cancelLabel={t("Actions.cancel")}
            busy={remove.isPending}
            error={remove.isError ? describeError(remove.error, t) : null}
            onConfirm={() => remove.mutate()}
            onCancel={close}
          >
            <p className="line-clamp-2 italic">“{task.prompt}”</p>
            <p className="mt-2">{t("Actions.deleteBody")}</p>
          </ConfirmDialog>
        </Suspense>
      ) : null}
    </>
  );
}
