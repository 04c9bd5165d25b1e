import type { Task } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";

export function DownloadAction({ task }: { task: Task }) {
  if (task.state !== "completed" || !task.video) return null;
  return (
    <a href={task.video.url} download className={ACTION_CLASS}>
      Download
    </a>
  );
}
