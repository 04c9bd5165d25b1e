import type { Task } from "@/lib/shared/task";

/** The settings a clip was made with, as short labelled chips. */
export function TaskSettings({ task }: { task: Task }) {
  const items: [string, string | null][] = [
    ["Model", task.model],
    ["Aspect ratio", task.aspectRatio],
    ["Resolution", task.resolution],
    ["Duration", task.duration],
    ["Loop", task.loop ? "loop" : null],
    ["Prompt expansion", task.expandPrompt ? "expanded prompt" : null],
    ["Keyframes", keyframes(task)],
  ];
  return (
    <ul aria-label="Settings" className="flex flex-wrap gap-1.5">
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

function keyframes(task: Task): string | null {
  if (task.startImage && task.endImage) return "start + end frame";
  if (task.startImage) return "start frame";
  if (task.endImage) return "end frame";
  return null;
}
