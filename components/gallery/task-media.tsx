"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { failureText } from "@/lib/client/error-text";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";
import { ViewerLink } from "../viewer/viewer-link";
import { MediaOverlay } from "./media-overlay";

/** How long the pointer rests on a poster before its preview starts. */
const PREVIEW_DELAY_MS = 250;

/**
 * The clip's poster, filling the tile at the clip's own shape, as the one link to its viewer (C1).
 * A finished clip previews on hover (muted, no controls: a link holds no controls of its own), once
 * the pointer rests on it: a pointer passing over, or going straight to a click, starts no video (whose
 * start would otherwise share the click's frame).
 */
export function TaskMedia({ task }: { task: Task }) {
  const t = useTranslations();
  const video = useRef<HTMLVideoElement>(null);
  const intent = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ready = task.state === "completed" && task.video;
  const play = () => {
    if (!window.matchMedia("(hover: hover)").matches) return;
    clearTimeout(intent.current);
    intent.current = setTimeout(() => void video.current?.play().catch(() => {}), PREVIEW_DELAY_MS);
  };
  const stop = () => {
    clearTimeout(intent.current);
    video.current?.pause();
  };
  useEffect(() => () => clearTimeout(intent.current), []);
  return (
    <div className="relative size-full">
      <ViewerLink
        href={`/clips/${encodeURIComponent(task.id)}`}
        aria-label={t("Cards.openClip", { prompt: shortPrompt(task.prompt) })}
        onPointerEnter={ready ? play : undefined}
        onPointerLeave={ready ? stop : undefined}
        // A press is for the viewer: a preview still to start does not.
        onPointerDown={ready ? () => clearTimeout(intent.current) : undefined}
        className="absolute inset-0 block focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
      >
        {ready && task.video ? (
          <video
            ref={video}
            className="size-full object-cover"
            src={task.video.url}
            poster={task.thumbnail?.url}
            muted
            loop
            playsInline
            preload={task.thumbnail ? "none" : "metadata"}
            aria-label={t("Card.video", { prompt: shortPrompt(task.prompt) })}
          />
        ) : task.image ? (
          // biome-ignore lint/performance/noImgElement: the studio's own stored picture, any aspect ratio
          <img
            src={task.image.url}
            alt={t("Card.image", { prompt: shortPrompt(task.prompt) })}
            loading="lazy"
            decoding="async"
            className="size-full object-cover"
          />
        ) : task.thumbnail ? (
          // biome-ignore lint/performance/noImgElement: upstream thumbnails are external, unoptimisable URLs
          <img
            src={task.thumbnail.url}
            alt=""
            loading="lazy"
            decoding="async"
            className={`size-full object-cover ${task.state === "failed" ? "opacity-40 grayscale" : "opacity-70"}`}
          />
        ) : task.state === "failed" ? null : (
          <span
            aria-hidden="true"
            className="absolute inset-0 animate-pulse bg-gradient-to-br from-accent-soft via-raised to-line-strong motion-reduce:animate-none"
          />
        )}
      </ViewerLink>
      {task.state === "failed" ? (
        <div className="pointer-events-none absolute inset-x-0 bottom-0 flex max-h-full flex-col justify-end gap-1 p-3 pt-10">
          <p className="text-sm font-medium text-danger">{t("Card.notGenerated")}</p>
          {task.failureReason ? (
            <p data-testid="failure-reason" className="line-clamp-4 text-xs text-ink">
              {failureText(task.errorCode, task.failureReason, t)}
            </p>
          ) : null}
        </div>
      ) : null}
      <MediaOverlay task={task} />
    </div>
  );
}
