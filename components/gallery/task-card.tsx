"use client";

import { useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import { formatDateTime, formatRelative } from "@/lib/i18n/format";
import { clipRatio } from "@/lib/shared/setting-labels";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";
import { isTerminalState } from "@/lib/shared/task-state";
import { clipAnchor, TaskLineage } from "../lineage/task-lineage";
import { CardActions } from "./card-actions";
import { CheckNow } from "./check-now";
import { TaskChips } from "./task-chips";
import { TaskCopyNote } from "./task-copy";
import { TaskMedia } from "./task-media";
import { timingText } from "./task-timing";
import { useRelativeNow } from "./use-now";

/**
 * One clip, media first: the poster at the clip's own shape with status and actions on it, the prompt
 * (two lines) and the settings below. Memoised: merges keep unchanged tasks' objects, so a poll that
 * moves one clip re-renders one card. `fresh` marks a clip that arrived or finished while watching.
 */
export const TaskCard = memo(function TaskCard({ task, fresh = false }: { task: Task; fresh?: boolean }) {
  const t = useTranslations();
  return (
    <article
      id={clipAnchor(task.id)}
      tabIndex={-1}
      aria-label={t("Card.clip", { prompt: shortPrompt(task.prompt) })}
      data-task-id={task.id}
      data-fresh={fresh || undefined}
      className="group scroll-mt-56 rounded-tile focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      <div
        style={{ aspectRatio: clipRatio(task) }}
        className={`@container/tile relative overflow-hidden rounded-tile ring-accent ring-offset-2 ring-offset-canvas transition-shadow group-data-fresh:ring-2 ${task.state === "failed" ? "bg-danger-soft" : "bg-raised"}`}
      >
        <TaskMedia task={task} />
        <CardActions task={task} />
      </div>
      <div className="flex flex-col gap-1 px-0.5 pt-2">
        <p className="line-clamp-2 text-sm break-words text-ink" title={task.prompt}>
          {task.prompt}
        </p>
        <TaskChips task={task} trailing={<CreatedAt task={task} />} />
        <TaskLineage task={task} />
        {task.stalled && !isTerminalState(task.state) ? <CheckNow taskId={task.id} /> : null}
        <TaskCopyNote task={task} />
      </div>
    </article>
  );
});

/**
 * "12 s ago", with the full date (and how long a finished clip took) on hover; rendered after mount,
 * as the server's clock and zone differ.
 */
function CreatedAt({ task }: { task: Task }) {
  const t = useTranslations();
  const locale = useLocale();
  const iso = task.createdAt;
  const now = useRelativeNow(new Date(iso).getTime());
  const took = task.state === "completed" && now !== null ? timingText(task, now, t) : "";
  return (
    <time
      dateTime={iso}
      title={now === null ? undefined : [formatDateTime(iso, locale), took].filter(Boolean).join(" · ")}
      className="text-xs tabular-nums text-ink-faint"
    >
      {now === null ? null : formatRelative(iso, now, locale)}
    </time>
  );
}
