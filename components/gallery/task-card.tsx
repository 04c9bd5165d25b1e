"use client";

import { useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import { failureText } from "@/lib/client/error-text";
import { formatDateTime, formatRelative } from "@/lib/i18n/format";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { isTerminalState, type Task } from "@/lib/shared/task";
import { clipAnchor, TaskLineage } from "../lineage/task-lineage";
import { CheckNow } from "./check-now";
import { TaskActions } from "./task-actions";
import { TaskMedia } from "./task-media";
import { TaskSettings } from "./task-settings";
import { TaskStatusBadge } from "./task-status";
import { TaskTiming } from "./task-timing";
import { useNow } from "./use-now";

const RELATIVE_TICK_MS = 30_000;

/**
 * One clip. Memoised: merges keep unchanged tasks' objects, so a poll that moves one clip re-renders
 * one card, not the hundreds a long gallery holds. Off-screen cards skip rendering
 * (`content-visibility: auto`) until they scroll near.
 */
export const TaskCard = memo(function TaskCard({ task }: { task: Task }) {
  const t = useTranslations();
  return (
    <article
      id={clipAnchor(task.id)}
      tabIndex={-1}
      aria-label={t("Card.clip", { prompt: shortPrompt(task.prompt) })}
      data-task-id={task.id}
      className="scroll-mt-4 overflow-hidden rounded-2xl [contain-intrinsic-size:auto_32rem] [content-visibility:auto] border border-zinc-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TaskMedia task={task} />
      <div className="space-y-2 p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge task={task} />
            <TaskTiming task={task} />
          </div>
          <CreatedAt iso={task.createdAt} />
        </div>
        <p className="line-clamp-3 text-sm break-words text-zinc-800 dark:text-zinc-200">{task.prompt}</p>
        <TaskSettings task={task} />
        <TaskLineage task={task} />
        {task.stalled && !isTerminalState(task.state) ? <CheckNow taskId={task.id} /> : null}
        {task.state === "failed" && task.failureReason ? (
          <p
            data-testid="failure-reason"
            className="rounded-lg bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {failureText(task.errorCode, task.failureReason, t)}
          </p>
        ) : null}
        <TaskActions task={task} />
      </div>
    </article>
  );
});

/** "2 min ago" with the full date on hover; rendered after mount, as the server's clock and zone differ. */
function CreatedAt({ iso }: { iso: string }) {
  const locale = useLocale();
  const now = useNow(true, RELATIVE_TICK_MS);
  return (
    <time
      dateTime={iso}
      title={now === null ? undefined : formatDateTime(iso, locale)}
      className="text-xs text-zinc-600 dark:text-zinc-400"
    >
      {now === null ? null : formatRelative(iso, now, locale)}
    </time>
  );
}
