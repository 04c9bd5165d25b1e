import type { Task } from "@/lib/shared/task";
import { clipAnchor, TaskLineage } from "../lineage/task-lineage";
import { CheckNow } from "./check-now";
import { TaskActions } from "./task-actions";
import { TaskMedia } from "./task-media";
import { TaskStatusBadge } from "./task-status";

function details(task: Task): string {
  return [task.model, task.resolution, task.duration, task.aspectRatio, task.loop ? "loop" : null]
    .filter(Boolean)
    .join(" · ");
}

export function TaskCard({ task }: { task: Task }) {
  return (
    <article
      id={clipAnchor(task.id)}
      tabIndex={-1}
      aria-label={`Clip: ${task.prompt.slice(0, 80)}`}
      className="scroll-mt-4 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TaskMedia task={task} />
      <div className="space-y-2 p-4">
        <div className="flex items-center justify-between gap-2">
          <TaskStatusBadge task={task} />
          <time dateTime={task.createdAt} className="text-xs text-zinc-500 dark:text-zinc-400">
            {new Date(task.createdAt).toLocaleString()}
          </time>
        </div>
        <p className="line-clamp-3 text-sm text-zinc-800 dark:text-zinc-200">{task.prompt}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{details(task)}</p>
        <TaskLineage task={task} />
        {task.stalled && task.state !== "completed" && task.state !== "failed" ? (
          <CheckNow taskId={task.id} />
        ) : null}
        {task.state === "failed" && task.failureReason ? (
          <p className="rounded-lg bg-red-50 p-2 text-xs text-red-900 dark:bg-red-950 dark:text-red-200">
            {task.failureReason}
          </p>
        ) : null}
        <TaskActions task={task} />
      </div>
    </article>
  );
}
