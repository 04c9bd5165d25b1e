import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";

/** The settings a clip was made with, as short labelled chips. */
export function TaskSettings({ task }: { task: Task }) {
  const t = useTranslations();
  const keyframes =
    task.startImage && task.endImage
      ? t("Card.keyframesStartEnd")
      : task.startImage
        ? t("Card.keyframesStart")
        : task.endImage
          ? t("Card.keyframesEnd")
          : null;
  const items: [string, string | null][] = [
    [t("Form.model"), task.model],
    [t("Form.aspectRatio"), task.aspectRatio],
    [t("Form.resolution"), task.resolution],
    [t("Form.duration"), task.duration],
    [t("Form.loop"), task.loop ? t("Card.loopChip") : null],
    [t("Form.enhance"), task.expandPrompt ? t("Card.expandedChip") : null],
    [t("Form.keyframes"), keyframes],
  ];
  return (
    <ul aria-label={t("Card.settings")} className="flex flex-wrap gap-1.5">
      {items
        .filter((item): item is [string, string] => item[1] !== null)
        .map(([label, value]) => (
          <li
            key={label}
            title={label}
            className="rounded-md bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
          >
            {value}
          </li>
        ))}
    </ul>
  );
}
