import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";

const TONE: Record<Task["state"], string> = {
  submitting: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  queued: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  running: "bg-brand-100 text-brand-700 dark:bg-zinc-800 dark:text-brand-400",
  completed: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

/** The state a badge shows: a running task with no progress for a while reads "stalled". */
export function shownState(task: Task): Task["state"] | "stalled" {
  return task.stalled && task.state !== "completed" && task.state !== "failed" ? "stalled" : task.state;
}

export function TaskStatusBadge({ task }: { task: Task }) {
  const t = useTranslations("Card.state");
  const state = shownState(task);
  return (
    <span
      data-testid="task-state"
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${state === "stalled" ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : TONE[task.state]}`}
    >
      {t(state)}
    </span>
  );
}
