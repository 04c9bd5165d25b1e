import type { Task } from "@/lib/shared/task";
import { LineageActions } from "../lineage/lineage-actions";
import { ShareAction } from "./share-action";

/** The row of actions under a clip; each action is its own component and decides when it applies. */
export function TaskActions({ task }: { task: Task }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a toolbar-like row of links and buttons, not a form section
    <div
      className="flex flex-wrap items-center gap-2"
      role="group"
      aria-label={`Actions for ${task.prompt.slice(0, 40)}`}
    >
      {task.state === "completed" && task.video ? (
        <a
          href={`/api/generations/${encodeURIComponent(task.id)}/download`}
          download
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-xs font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Download
        </a>
      ) : null}
      <LineageActions task={task} />
      <ShareAction task={task} />
    </div>
  );
}
