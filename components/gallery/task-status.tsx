import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";

const DOT: Record<ReturnType<typeof shownState>, string> = {
  submitting: "bg-warn",
  queued: "bg-warn",
  stalled: "bg-warn",
  running: "bg-accent animate-pulse motion-reduce:animate-none",
  completed: "bg-ok",
  failed: "bg-danger",
};

/** The state a badge shows: a running task with no progress for a while reads "stalled". */
export function shownState(task: Task): Task["state"] | "stalled" {
  return task.stalled && task.state !== "completed" && task.state !== "failed" ? "stalled" : task.state;
}

/**
 * The state as a chip on the media. A ready clip needs no chip (the poster says it), so "Ready" is
 * only read out, never drawn.
 */
export function TaskStatusBadge({ task }: { task: Task }) {
  const t = useTranslations("Card.state");
  const state = shownState(task);
  if (state === "completed") {
    return (
      <span data-testid="task-state" className="sr-only">
        {t(state)}
      </span>
    );
  }
  // No backdrop blur: the chip sits over a running card's pulsing placeholder, and a blur over an
  // animation is filtered again on every frame (ten running cards held the browser's frames at 100 ms).
  return (
    <span
      data-testid="task-state"
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium text-white ${state === "failed" ? "bg-danger" : "bg-scrim"}`}
    >
      {state === "failed" ? null : (
        <span aria-hidden="true" className={`size-1.5 rounded-full ${DOT[state]}`} />
      )}
      {t(state)}
    </span>
  );
}
