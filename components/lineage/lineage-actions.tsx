"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useId, useRef, useState } from "react";
import type { TranslateIn } from "@/lib/i18n/translate";
import type { Task } from "@/lib/shared/task";
import { SECONDARY_BUTTON } from "../gallery/action-button";

// Loaded when first opened, outside the studio's first-load budget.
const LineageDialog = lazy(() =>
  import("./lineage-dialog").then((module) => ({ default: module.LineageDialog })),
);

import type { LineageMode } from "./use-lineage-submit";

const BUTTON = SECONDARY_BUTTON;

/** Why a clip can't be extended yet, or null when it can. */
export function extendBlockedReason(task: Task, t: TranslateIn<"Lineage">): string | null {
  if (task.state === "failed") return t("failedCantExtend");
  if (task.state !== "completed" || !task.video) return t("extendWhenFinished");
  return null;
}

/** "Extend" and "Continue from last frame" on a card, with the dialog they open. */
export function LineageActions({ task }: { task: Task }) {
  const t = useTranslations("Lineage");
  const reasonId = useId();
  const [mode, setMode] = useState<LineageMode | null>(null);
  // The button that opened the dialog gets focus back when it closes, however it closed.
  const opener = useRef<HTMLButtonElement | null>(null);
  const blocked = extendBlockedReason(task, t);

  return (
    <>
      <button
        type="button"
        className={BUTTON}
        // aria-disabled keeps the button focusable, so the reason can be found by keyboard too.
        aria-disabled={blocked ? true : undefined}
        aria-describedby={blocked ? reasonId : undefined}
        onClick={(event) => {
          opener.current = event.currentTarget;
          if (!blocked) setMode("extend");
        }}
      >
        {t("extend")}
      </button>
      {blocked ? (
        <span id={reasonId} className="text-xs text-ink-muted">
          {blocked}
        </span>
      ) : null}
      {!blocked && task.lastFrame ? (
        <button
          type="button"
          className={BUTTON}
          onClick={(event) => {
            opener.current = event.currentTarget;
            setMode("continue");
          }}
        >
          {t("continue")}
        </button>
      ) : null}
      {mode ? (
        <Suspense fallback={null}>
          <LineageDialog
            parent={task}
            mode={mode}
            onModeChange={setMode}
            onClose={() => setMode(null)}
            returnFocus={() => opener.current}
          />
        </Suspense>
      ) : null}
    </>
  );
}
