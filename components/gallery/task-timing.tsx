"use client";

import { useTranslations } from "next-intl";
import type { Translate } from "@/lib/i18n/translate";
import type { Task } from "@/lib/shared/task";
import { isTerminalState } from "@/lib/shared/task-state";
import { useNow } from "./use-now";

const pad = (value: number) => String(value).padStart(2, "0");

/** "42 s", "3 min 05 s", "2 h 04 min" (or "42 秒"…) in the page's language. */
export function formatSeconds(totalSeconds: number, t: Translate): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return t("Time.seconds", { s: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("Time.minutes", { m: minutes, s: pad(seconds % 60) });
  return t("Time.hours", { h: Math.floor(minutes / 60), m: pad(minutes % 60) });
}

const secondsBetween = (from: string, to: number) => (to - new Date(from).getTime()) / 1000;

/** Seconds of upstream wait still expected: the estimate was given at `updatedAt`. */
export function secondsLeft(task: Task, now: number): number | null {
  return task.estimateWaitSeconds ? task.estimateWaitSeconds - secondsBetween(task.updatedAt, now) : null;
}

/** How far a running clip has come by elapsed vs estimated time (0…0.95), or null with no estimate. */
export function renderProgress(task: Task, now: number): number | null {
  const left = secondsLeft(task, now);
  if (left === null) return null;
  const elapsed = Math.max(0, secondsBetween(task.createdAt, now));
  const total = elapsed + Math.max(0, left);
  return total > 0 ? Math.min(0.95, elapsed / total) : 0.95;
}

/** How long a clip has taken, live while it runs, and the upstream's estimate of the wait left. */
export function timingText(task: Task, now: number, t: Translate): string {
  // Made elsewhere: how long it took is not known here.
  if (task.state === "completed" && task.imported) return t("Card.imported");
  if (task.state === "completed" && task.completedAt) {
    const took = secondsBetween(task.createdAt, new Date(task.completedAt).getTime());
    return t("Card.took", { time: formatSeconds(took, t) });
  }
  if (task.state === "failed") return "";
  const parts = [t("Card.elapsed", { time: formatSeconds(secondsBetween(task.createdAt, now), t) })];
  const left = secondsLeft(task, now);
  if (left !== null)
    parts.push(left > 1 ? t("Card.left", { time: formatSeconds(left, t) }) : t("Card.anyMoment"));
  return parts.join(" · ");
}

export function TaskTiming({ task }: { task: Task }) {
  const t = useTranslations();
  const now = useNow(!isTerminalState(task.state));
  const text = now === null ? "" : timingText(task, now, t);
  if (!text) return null;
  return (
    <span className="text-xs tabular-nums text-white drop-shadow-sm" data-testid="task-timing">
      {text}
    </span>
  );
}
