"use client";

import { useTranslations } from "next-intl";
import {
  type CSSProperties,
  type ReactNode,
  type Ref,
  startTransition,
  useEffect,
  useRef,
  useState,
} from "react";
import { clipRatio } from "@/lib/shared/setting-labels";
import type { Task } from "@/lib/shared/task";
import { ClipDetails } from "./clip-details";
import { ClipStage } from "./clip-stage";
import type { FilmControl } from "./film/film-player";
import { useSwipe } from "./use-swipe";
import type { ViewerClips } from "./use-viewer-clips";
import { useViewerKeys } from "./use-viewer-keys";

interface Props {
  clips: ViewerClips;
  /** The close control (a button in the dialog, a link on the full page). */
  closeControl: ReactNode;
  onUseSettings: (task: Task) => void;
  /** Where the composer is beneath (over the gallery): an image's "Use as keyframe" went there; close. */
  onKeyframeUsed?: () => void;
  /** The picture's wrapper, focused when the viewer opens so Space plays at once. */
  stageRef?: Ref<HTMLElement>;
  /**
   * Over the gallery, the details panel (lineage, settings, boards, actions) renders a frame after the
   * picture, as a transition: the click that opened the viewer paints the clip first.
   */
  detailsAfterStage?: boolean;
}

const NAV =
  "grid size-11 place-items-center rounded-full bg-black/40 text-white backdrop-blur hover:bg-black/60 focus-visible:outline-2 focus-visible:outline-accent disabled:invisible";

/**
 * The lightbox: the clip as large as fits on a dark stage, the details panel beside it (below it, as
 * a sheet, on a phone), ← / → between clips in gallery order, Space to play.
 */
export function ClipViewer({
  clips,
  closeControl,
  onUseSettings,
  onKeyframeUsed,
  stageRef,
  detailsAfterStage = false,
}: Props) {
  const t = useTranslations("Viewer");
  const control = useRef<FilmControl>(null);
  const { task, previous, next, go } = clips;
  const toPrevious = () => previous && go(previous.id);
  const toNext = () => next && go(next.id);
  useViewerKeys({ previous: toPrevious, next: toNext, togglePlay: () => control.current?.toggle() });
  const swipe = useSwipe(toPrevious, toNext);
  const details = useShownAfterFirstPaint(detailsAfterStage);

  return (
    <div
      data-viewer
      className="flex h-full flex-col overflow-y-auto overscroll-contain lg:grid lg:grid-cols-[minmax(0,1fr)_24rem] lg:overflow-hidden"
    >
      <div
        // On a phone the stage is as tall as the picture needs at full width (plus its controls), at most
        // two thirds of the screen, so the details sheet starts right under a wide clip.
        style={{ "--picture-h": `calc(100vw / ${task ? clipRatio(task) : 16 / 9})` } as CSSProperties}
        className="relative flex h-[min(68dvh,calc(var(--picture-h)+11rem))] shrink-0 flex-col gap-3 p-3 pt-16 sm:p-6 sm:pt-16 lg:h-full"
      >
        <div className="absolute inset-x-3 top-3 flex items-center justify-between gap-3 sm:inset-x-6">
          {closeControl}
          {clips.index !== -1 && clips.count > 1 ? (
            <div className="flex items-center gap-2">
              {/* On a phone the arrows sit here, beside the count, so a tap does what a swipe does. */}
              <button
                type="button"
                aria-label={t("previous")}
                disabled={!previous}
                onClick={toPrevious}
                className={`${NAV} sm:hidden`}
              >
                <Chevron flip />
              </button>
              <p className="text-sm whitespace-nowrap tabular-nums text-white/70">
                {t("position", { index: clips.index + 1, count: clips.count })}
              </p>
              <button
                type="button"
                aria-label={t("next")}
                disabled={!next}
                onClick={toNext}
                className={`${NAV} sm:hidden`}
              >
                <Chevron />
              </button>
            </div>
          ) : null}
        </div>
        <section
          ref={stageRef}
          tabIndex={-1}
          {...swipe}
          aria-label={task ? t("player", { prompt: task.prompt.slice(0, 80) }) : undefined}
          className="relative flex min-h-0 flex-1 flex-col focus:outline-none"
        >
          {task ? <ClipStage task={task} control={control} /> : <Missing loading={!clips.missing} />}
          <button
            type="button"
            aria-label={t("previous")}
            disabled={!previous}
            onClick={toPrevious}
            className={`${NAV} absolute top-[40%] left-0 -translate-y-1/2 max-sm:hidden`}
          >
            <Chevron flip />
          </button>
          <button
            type="button"
            aria-label={t("next")}
            disabled={!next}
            onClick={toNext}
            className={`${NAV} absolute top-[40%] right-0 -translate-y-1/2 max-sm:hidden`}
          >
            <Chevron />
          </button>
        </section>
        <p className="text-center text-xs text-white/60 max-lg:hidden [@media(pointer:coarse)]:hidden">
          {t("keys")}
        </p>
      </div>
      {/* shrink-0: on a phone the sheet is as tall as its content (the column scrolls), so its surface
          stays under every action instead of ending at half the screen. */}
      <aside
        aria-label={t("details")}
        className="relative -mt-3 min-h-[50dvh] shrink-0 rounded-t-panel border-line bg-surface text-ink shadow-2xl lg:mt-0 lg:min-h-0 lg:overflow-y-auto lg:rounded-none lg:border-l"
      >
        <div aria-hidden="true" className="mx-auto mt-2 h-1 w-10 rounded-full bg-line-strong lg:hidden" />
        {task && details ? (
          <ClipDetails
            task={task}
            onOpen={go}
            onUseSettings={() => onUseSettings(task)}
            onKeyframeUsed={onKeyframeUsed}
          />
        ) : null}
      </aside>
    </div>
  );
}

/** True at once, or (deferred) from the frame after the first paint on, in a transition. */
function useShownAfterFirstPaint(deferred: boolean): boolean {
  const [shown, setShown] = useState(!deferred);
  useEffect(() => {
    if (shown) return;
    const frame = requestAnimationFrame(() => startTransition(() => setShown(true)));
    return () => cancelAnimationFrame(frame);
  }, [shown]);
  return shown;
}

function Missing({ loading }: { loading: boolean }) {
  const t = useTranslations("Viewer");
  if (loading) {
    return (
      <p role="status" className="m-auto text-sm text-white/70">
        {t("loading")}
      </p>
    );
  }
  return (
    <div role="alert" className="m-auto max-w-sm text-center text-white">
      <h2 className="text-xl font-semibold">{t("notFoundTitle")}</h2>
      <p className="mt-2 text-sm text-white/70">{t("notFoundBody")}</p>
    </div>
  );
}

function Chevron({ flip = false }: { flip?: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className={`size-6 ${flip ? "rotate-180" : ""}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="m9 6 6 6-6 6" />
    </svg>
  );
}
