"use client";

import { useTranslations } from "next-intl";
import { clipLength } from "@/lib/shared/setting-labels";
import type { Task } from "@/lib/shared/task";
import { isTerminalState } from "@/lib/shared/task-state";
import { monotonicProgress } from "./render-progress";
import { TaskStatusBadge } from "./task-status";
import { TaskTiming } from "./task-timing";
import { useNow } from "./use-now";

/**
 * What sits on the media: the state (a chip while it matters; read out always), one timing line with
 * the one estimate while it renders, the render bar along the bottom edge, and the length once ready.
 * Purely informative, so it lets clicks through to the poster link.
 */
export function MediaOverlay({ task }: { task: Task }) {
  const t = useTranslations("Cards");
  const c = useTranslations("Card");
  const active = !isTerminalState(task.state);
  const seconds = task.video?.durationSeconds;
  return (
    <div className="pointer-events-none absolute inset-0">
      <div className="absolute start-2 top-2 flex max-w-[calc(100%-3.5rem)] flex-wrap items-center gap-1">
        <TaskStatusBadge task={task} />
      </div>
      {task.kind === "image" && task.state === "completed" ? (
        <span className="absolute end-2 bottom-2 rounded-full bg-scrim px-2 py-0.5 text-xs font-medium text-white">
          {c("imageBadge")}
        </span>
      ) : null}
      {task.state === "completed" && seconds ? (
        <span
          className="absolute end-2 bottom-2 rounded-full bg-scrim px-2 py-0.5 text-xs font-medium tabular-nums text-white"
          title={t("length", { time: clipLength(seconds) })}
        >
          {clipLength(seconds)}
        </span>
      ) : null}
      {active ? (
        <div className="absolute inset-x-0 bottom-0 flex flex-col gap-1.5 bg-gradient-to-t from-scrim to-transparent px-2 pt-6">
          <TaskTiming task={task} />
          <RenderBar task={task} />
        </div>
      ) : null}
    </div>
  );
}

/** Elapsed vs estimated time, never moving back; indeterminate until the upstream estimates. */
function RenderBar({ task }: { task: Task }) {
  const t = useTranslations("Card");
  const now = useNow(true);
  const progress = now === null || task.state === "submitting" ? null : monotonicProgress(task, now);
  return (
    <progress
      aria-label={t("renderProgress")}
      max={1}
      value={progress ?? undefined}
      className="mb-2 h-1 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-white/25 [&::-webkit-progress-value]:bg-accent [&::-webkit-progress-value]:transition-[width] [&::-webkit-progress-value]:duration-1000 motion-reduce:[&::-webkit-progress-value]:transition-none"
    />
  );
}
