"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useId, useState } from "react";
import { notify } from "@/lib/client/toast";
import type { TranslateIn } from "@/lib/i18n/translate";
import { taskKeys } from "@/lib/queries/tasks";
import type { Task } from "@/lib/shared/task";

// Loaded when first opened, outside the studio's first-load budget.
const LineageDialog = lazy(() =>
  import("./lineage-dialog").then((module) => ({ default: module.LineageDialog })),
);

import type { LineageMode } from "./use-lineage-submit";

const BUTTON =
  "rounded-lg border border-zinc-300 px-3 py-1.5 text-xs font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 aria-disabled:hover:bg-transparent dark:border-zinc-700 dark:hover:bg-zinc-800";

/** Why a clip can't be extended yet, or null when it can. */
export function extendBlockedReason(task: Task, t: TranslateIn<"Lineage">): string | null {
  if (task.state === "failed") return t("failedCantExtend");
  if (task.state !== "completed" || !task.video) return t("extendWhenFinished");
  return null;
}

/** "Extend" and "Continue from last frame" on a card, with the dialog they open. */
export function LineageActions({ task }: { task: Task }) {
  const t = useTranslations("Lineage");
  const queryClient = useQueryClient();
  const reasonId = useId();
  const [mode, setMode] = useState<LineageMode | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const blocked = extendBlockedReason(task, t);

  return (
    <>
      <button
        type="button"
        className={BUTTON}
        // aria-disabled keeps the button focusable, so the reason can be found by keyboard too.
        aria-disabled={blocked ? true : undefined}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={() => {
          if (!blocked) setMode("extend");
        }}
      >
        {t("extend")}
      </button>
      {blocked ? (
        <span id={reasonId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {blocked}
        </span>
      ) : null}
      {!blocked && task.lastFrame ? (
        <button type="button" className={BUTTON} onClick={() => setMode("continue")}>
          {t("continue")}
        </button>
      ) : null}
      <span
        aria-live="polite"
        className="basis-full text-xs text-emerald-700 empty:hidden dark:text-emerald-400"
      >
        {announcement}
      </span>
      {mode ? (
        <Suspense fallback={null}>
          <LineageDialog
            parent={task}
            mode={mode}
            onModeChange={setMode}
            onClose={() => setMode(null)}
            onStarted={(_started, how) => {
              setMode(null);
              const started = how === "extend" ? t("extendStarted") : t("continueStarted");
              setAnnouncement(started);
              notify("success", how === "extend" ? t("toastExtend") : t("toastContinue"));
              void queryClient.invalidateQueries({ queryKey: taskKeys.all });
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
