import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { clipSeconds, modelLabel } from "@/lib/shared/setting-labels";
import type { Task } from "@/lib/shared/task";

/**
 * The settings a clip was made with, named as the form names them: "Ray 2 · 16:9 · 720p · 5 s", then
 * `trailing` (the created time) in the same flow, so a narrow card wraps it like any other item.
 */
export function TaskChips({ task, trailing }: { task: Task; trailing?: ReactNode }) {
  const t = useTranslations();
  const seconds = clipSeconds(task);
  const keyframes =
    task.startImage && task.endImage
      ? t("Card.keyframesStartEnd")
      : task.startImage
        ? t("Card.keyframesStart")
        : task.endImage
          ? t("Card.keyframesEnd")
          : null;
  const items: [string, string | null][] = [
    [t("Form.model"), task.model ? modelLabel(task.model) : null],
    [t("Form.aspectRatio"), task.aspectRatio],
    [t("Form.resolution"), task.resolution],
    [t("Form.duration"), seconds === null ? task.duration : t("Cards.duration", { seconds })],
    [t("Form.loop"), task.loop ? t("Card.loopChip") : null],
    [t("Form.enhance"), task.expandPrompt ? t("Card.expandedChip") : null],
    [t("Form.keyframes"), keyframes],
  ];
  return (
    <ul
      aria-label={t("Card.settings")}
      className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-xs text-ink-muted"
    >
      {items
        .filter((item): item is [string, string] => item[1] !== null)
        .map(([label, value], index) => (
          <li key={label} title={label} className="flex items-center gap-1.5 whitespace-nowrap">
            {index > 0 ? (
              <span aria-hidden="true" className="text-ink-faint">
                ·
              </span>
            ) : null}
            {value}
          </li>
        ))}
      {trailing ? (
        // Pushed to the end of its line; on a narrow card it wraps to the next one, still at the end.
        <li className="ms-auto ps-2 whitespace-nowrap">{trailing}</li>
      ) : null}
    </ul>
  );
}
