"use client";

import type { InfiniteData } from "@tanstack/react-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import * as z from "zod/mini";
import { apiFetch } from "@/lib/client/api";
import { removeTask } from "@/lib/queries/merge";
import { taskKeys } from "@/lib/queries/tasks";
import type { Task, TaskPage } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";
import { ConfirmDialog } from "./confirm-dialog";

/** Deletes the clip and its stored media after a confirmation. */
export function DeleteAction({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
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
    trigger.current?.focus();
  };

  return (
    <>
      <button ref={trigger} type="button" className={ACTION_CLASS} onClick={() => setOpen(true)}>
        Delete
      </button>
      <ConfirmDialog
        open={open}
        title="Delete this clip?"
        confirmLabel="Delete clip"
        busy={remove.isPending}
        error={remove.isError ? remove.error.message : null}
        onConfirm={() => remove.mutate()}
        onCancel={close}
      >
        <p className="line-clamp-2 italic">“{task.prompt}”</p>
        <p className="mt-2">
          The clip and its stored video, thumbnail and last frame are removed from the studio. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
