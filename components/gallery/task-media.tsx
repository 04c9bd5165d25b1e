import type { Task } from "@/lib/shared/task";

const RATIO_CLASS: Record<string, string> = {
  "16:9": "aspect-video",
  "9:16": "aspect-[9/16]",
  "1:1": "aspect-square",
  "4:3": "aspect-[4/3]",
  "3:4": "aspect-[3/4]",
  "21:9": "aspect-[21/9]",
  "9:21": "aspect-[9/21]",
};

function waitText(task: Task): string {
  if (task.state === "submitting") return "Sending to the upstream…";
  if (task.state === "queued") {
    return task.estimateWaitSeconds ? `Queued · about ${Math.ceil(task.estimateWaitSeconds)} s` : "Queued";
  }
  return "Rendering…";
}

export function TaskMedia({ task }: { task: Task }) {
  const ratio = RATIO_CLASS[task.aspectRatio ?? "16:9"] ?? "aspect-video";
  const frame = `${ratio} w-full max-h-[28rem] bg-zinc-100 dark:bg-zinc-950`;
  if (task.state === "completed" && task.video) {
    return (
      // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
      <video
        className={`${frame} object-contain`}
        src={task.video.url}
        poster={task.thumbnail?.url}
        controls
        playsInline
        preload="none"
        loop={task.loop}
        aria-label={`Video: ${task.prompt.slice(0, 80)}`}
      />
    );
  }
  if (task.state === "failed") {
    return (
      <div className={`${frame} grid place-items-center text-sm text-red-700 dark:text-red-300`}>
        Not generated
      </div>
    );
  }
  return (
    <div className={`${frame} relative grid place-items-center overflow-hidden`}>
      {task.thumbnail ? (
        // biome-ignore lint/performance/noImgElement: upstream thumbnails are external, unoptimisable URLs
        <img src={task.thumbnail.url} alt="" className="absolute inset-0 size-full object-cover opacity-60" />
      ) : null}
      <div
        aria-hidden="true"
        className="absolute inset-0 animate-pulse bg-gradient-to-br from-brand-100 via-transparent to-brand-50 dark:from-zinc-800 dark:to-zinc-900"
      />
      <p className="relative text-sm text-zinc-700 dark:text-zinc-300" role="status">
        {waitText(task)}
      </p>
    </div>
  );
}
