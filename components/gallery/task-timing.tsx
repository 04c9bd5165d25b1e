"use client";

import { isTerminalState, type Task } from "@/lib/shared/task";
import { useNow } from "./use-now";

/** "42 s", "3 min 05 s", "2 h 04 min". */
export function formatSeconds(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

const secondsBetween = (from: string, to: number) => (to - new Date(from).getTime()) / 1000;

/**
 * How long a clip has taken, live while it runs, and the upstream's estimate of the wait left. The
 * estimate was given at `updatedAt`, so the time since then is taken off.
 */
export function timingText(task: Task, now: number): string {
  if (task.state === "completed" && task.completedAt)
    return `took ${formatSeconds(secondsBetween(task.createdAt, new Date(task.completedAt).getTime()))}`;
  if (task.state === "failed") return "";
  const parts = [`${formatSeconds(secondsBetween(task.createdAt, now))} elapsed`];
  if (task.estimateWaitSeconds) {
    const left = task.estimateWaitSeconds - secondsBetween(task.updatedAt, now);
    parts.push(left > 1 ? `about ${formatSeconds(left)} left` : "any moment now");
  }
  return parts.join(" · ");
}

export function TaskTiming({ task }: { task: Task }) {
  const now = useNow(!isTerminalState(task.state));
  const text = now === null ? "" : timingText(task, now);
  if (!text) return null;
  return (
    <span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400" data-testid="task-timing">
      {text}
    </span>
  );
}
