import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";

/** Always our own copy, as an attachment with a readable name (the route copies it first if needed). */
export function DownloadAction({ task }: { task: Task }) {
  const t = useTranslations("Actions");
  if (task.state !== "completed" || !task.video) return null;
  return (
    <a href={`/api/generations/${encodeURIComponent(task.id)}/download`} download className={ACTION_CLASS}>
      {t("download")}
    </a>
  );
}
