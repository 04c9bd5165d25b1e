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
    <div className="flex flex-wrap items-center gap-2 rounded-lg bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
      <span>{t("stalledNote")}</span>
      <button
        type="button"
        onClick={() => check.mutate()}
        disabled={check.isPending}
        className="rounded-md border border-amber-400 px-2 py-1 font-medium hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-600 disabled:opacity-60 dark:border-amber-700 dark:hover:bg-amber-900"
      >
        {check.isPending ? t("checking") : t("checkNow")}
      </button>
      {check.isError ? <span role="alert">{check.error.message}</span> : null}
    </div>
  );
}
