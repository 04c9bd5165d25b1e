"use client";

import { useTranslations } from "next-intl";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";
import { renderProgress } from "./task-timing";
import { useNow } from "./use-now";

const RATIO_CLASS: Record<string, string> = {
  "16:9": "aspect-video",
  "9:16": "aspect-[9/16]",
  "1:1": "aspect-square",
  "4:3": "aspect-[4/3]",
  "3:4": "aspect-[3/4]",
  "21:9": "aspect-[21/9]",
  "9:21": "aspect-[9/21]",
};

export function TaskMedia({ task }: { task: Task }) {
  const t = useTranslations("Card");
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
        aria-label={t("video", { prompt: shortPrompt(task.prompt) })}
      />
    );
  }
  if (task.state === "failed") {
    return (
      <div className={`${frame} grid place-items-center text-sm text-red-700 dark:text-red-300`}>
        {t("notGenerated")}
      </div>
    );
  }
  return (
    <div className={`${frame} relative grid place-items-center overflow-hidden`}>
      {task.thumbnail ? (
        // biome-ignore lint/performance/noImgElement: upstream thumbnails are external, unoptimisable URLs
        <img
          src={task.thumbnail.url}
          alt=""
          loading="lazy"
          decoding="async"
          className="absolute inset-0 size-full object-cover opacity-60"
        />
      ) : null}
      <div
        aria-hidden="true"
        className="absolute inset-0 animate-pulse bg-gradient-to-br from-brand-100 via-transparent to-brand-50 motion-reduce:animate-none dark:from-zinc-800 dark:to-zinc-900"
      />
      <RenderWait task={task} />
    </div>
  );
}

/** What the clip is waiting for, and a bar from elapsed vs estimated time once the upstream estimates. */
function RenderWait({ task }: { task: Task }) {
  const t = useTranslations("Card");
  const now = useNow(true);
  const progress = now === null || task.state === "submitting" ? null : renderProgress(task, now);
  const text =
    task.state === "submitting"
      ? t("sending")
      : task.state === "queued"
        ? task.estimateWaitSeconds
          ? t("queuedAbout", { seconds: Math.ceil(task.estimateWaitSeconds) })
          : t("queued")
        : t("rendering");
  return (
    <div className="relative flex w-2/3 max-w-64 flex-col items-center gap-2">
      <p className="text-sm text-zinc-800 dark:text-zinc-200" role="status">
        {text}
      </p>
      <progress
        aria-label={t("renderProgress")}
        max={1}
        value={progress ?? undefined}
        className="h-1.5 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-zinc-300/70 [&::-webkit-progress-value]:bg-brand-600 dark:[&::-webkit-progress-bar]:bg-zinc-700 dark:[&::-webkit-progress-value]:bg-brand-400"
      />
    </div>
  );
}
