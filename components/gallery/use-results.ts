"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { notifyCounted } from "@/lib/client/toast";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";
import { isTerminalState } from "@/lib/shared/task-state";

/** How long a card that arrived or finished keeps its accent ring. */
export const FRESH_FOR_MS = 6_000;

/**
 * Says each result once: a clip this tab watched render that turns ready or failed gets one toast and
 * one sentence in the studio's live region (`notify`), then nothing more (a refetch or a filter change
 * never repeats it). A clip that appears while watching, or finishes, is marked for a few seconds.
 * Returns the marked clips.
 */
export function useResults(tasks: readonly Task[]): { fresh: ReadonlySet<string> } {
  const t = useTranslations("Cards");
  const seen = useRef<Map<string, Task["state"]> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  useEffect(() => {
    const first = seen.current === null;
    const known = seen.current ?? new Map<string, Task["state"]>();
    seen.current = known;
    const marked: string[] = [];
    const finished: Task[] = [];
    for (const task of tasks) {
      const before = known.get(task.id);
      known.set(task.id, task.state);
      if (first) continue;
      if (before === undefined) {
        if (!isTerminalState(task.state)) marked.push(task.id);
      } else if (!isTerminalState(before) && isTerminalState(task.state)) {
        finished.push(task);
        marked.push(task.id);
      }
    }
    for (const task of finished) {
      const prompt = shortPrompt(task.prompt);
      if (task.state === "completed") {
        notifyCounted(
          "success",
          "clips-ready",
          (count) => t("toastReady", { count }),
          t("announceReady", { prompt }),
        );
      } else {
        notifyCounted(
          "error",
          "clips-failed",
          (count) => t("toastFailed", { count }),
          t("announceFailed", { prompt }),
        );
      }
    }
    if (marked.length === 0) return;
    setFresh((current) => new Set([...current, ...marked]));
    timers.current.push(
      setTimeout(() => {
        setFresh((current) => new Set([...current].filter((id) => !marked.includes(id))));
      }, FRESH_FOR_MS),
    );
  }, [tasks, t]);

  return { fresh };
}
