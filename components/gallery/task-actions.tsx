import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";
import { LineageActions } from "../lineage/lineage-actions";
import { DeleteAction } from "./delete-action";
import { DownloadAction } from "./download-action";
import { RetryAction } from "./retry-action";
import { ShareAction } from "./share-action";
import { UseSettingsAction } from "./use-settings-action";

/** The row of actions under a clip; each action is its own component and decides when it applies. */
export function TaskActions({ task }: { task: Task }) {
  const t = useTranslations("Card");
  return (
    <fieldset
      className="flex flex-wrap items-center gap-2"
      aria-label={t("actions", { prompt: task.prompt.slice(0, 40) })}
    >
      <DownloadAction task={task} />
      <LineageActions task={task} />
      <ShareAction task={task} />
      <RetryAction task={task} />
      <UseSettingsAction task={task} />
      <DeleteAction task={task} />
    </fieldset>
  );
}
