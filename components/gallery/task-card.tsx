import { isTerminalState, type Task } from "@/lib/shared/task";
import { clipAnchor, TaskLineage } from "../lineage/task-lineage";
import { CheckNow } from "./check-now";
import { TaskActions } from "./task-actions";
import { TaskMedia } from "./task-media";
import { TaskSettings } from "./task-settings";
import { TaskStatusBadge } from "./task-status";
import { TaskTiming } from "./task-timing";

export function TaskCard({ task }: { task: Task }) {
  return (
    <article
      id={clipAnchor(task.id)}
      tabIndex={-1}
      aria-label={`Clip: ${task.prompt.slice(0, 80)}`}
      data-task-id={task.id}
      className="scroll-mt-4 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TaskMedia task={task} />
      <div className="space-y-2 p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <TaskStatusBadge task={task} />
            <TaskTiming task={task} />
          </div>
          <time dateTime={task.createdAt} className="text-xs text-zinc-500 dark:text-zinc-400">
            {new Date(task.createdAt).toLocaleString()}
          </time>
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
            {task.failureReason}
          </p>
        ) : null}
        <TaskActions task={task} />
      </div>
    </article>
  );
}
