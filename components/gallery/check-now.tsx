"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { taskKeys } from "@/lib/queries/tasks";

/** Shown on a stalled card: asks the server to poll the upstream for this task right away. */
export function CheckNow({ taskId }: { taskId: string }) {
  const t = useTranslations("Card");
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: async () => {
      const response = await fetch(`/api/generations/${encodeURIComponent(taskId)}/refresh`, {
        method: "POST",
      });
      if (!response.ok) throw new Error(t("checkFailed", { status: response.status }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md bg-warn-soft p-2 text-xs text-ink">
      <span>{t("stalledNote")}</span>
      <button
        type="button"
        onClick={() => check.mutate()}
        disabled={check.isPending}
        className="inline-flex h-8 items-center rounded-md border border-warn pointer-coarse:h-10 px-2 font-medium hover:bg-canvas focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
      >
        {check.isPending ? t("checking") : t("checkNow")}
      </button>
      {check.isError ? <span role="alert">{check.error.message}</span> : null}
    </div>
  );
}
