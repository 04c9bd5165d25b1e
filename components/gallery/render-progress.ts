import type { Task } from "@/lib/shared/task";
import { renderProgress } from "./task-timing";

/**
 * The highest progress each clip has shown in this tab. A new upstream estimate can be longer than
 * the last, which would pull the bar back; a bar that runs backwards reads as a fault, so it holds
 * until the estimate catches up. Module-wide, so a card that remounts (a filter change) keeps it.
 */
const shown = new Map<string, number>();

export function monotonicProgress(task: Task, now: number): number | null {
  const value = renderProgress(task, now);
  if (value === null) return shown.get(task.id) ?? null;
  const highest = Math.max(shown.get(task.id) ?? 0, value);
  shown.set(task.id, highest);
  return highest;
}

/** For tests: forget what was shown. */
export function resetShownProgress(): void {
  shown.clear();
}
