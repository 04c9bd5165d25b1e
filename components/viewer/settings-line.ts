import type { Translate } from "@/lib/i18n/translate";
import { clipSeconds, modelLabel } from "@/lib/shared/setting-labels";
import type { Task } from "@/lib/shared/task";

/** The settings as the create form names them: "Ray 2 · 16:9 · 720p · 5 s" ("5 秒" in Chinese). */
export function settingsLine(task: Task, t: Translate): string[] {
  // An extension names no duration of its own; its video's length says it.
  const seconds = clipSeconds(task);
  return [
    task.model ? modelLabel(task.model) : null,
    task.aspectRatio,
    task.resolution,
    seconds !== null ? t("Time.seconds", { s: seconds }) : task.duration,
    task.loop ? t("Form.loop") : null,
    task.expandPrompt ? t("Form.enhance") : null,
  ].filter((item): item is string => item !== null && item !== "");
}
