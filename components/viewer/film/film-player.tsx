"use client";

import { useTranslations } from "next-intl";
import { forwardRef, useImperativeHandle } from "react";
import { shortPrompt } from "@/lib/shared/short-prompt";
import { type FilmPlan, segmentAt } from "./film-plan";
import { FilmSegments } from "./film-segments";
import { useFilmPlayback } from "./use-film-playback";

export interface FilmControl {
  toggle: () => void;
}

interface Props {
  plan: FilmPlan;
  /** The clip the viewer opened, marked among the segments. */
  currentId: string;
  /** Width / height of the picture. */
  ratio: number;
  loop: boolean;
}

const clock = (seconds: number) => {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
};

/**
 * The clip, or a whole family as one film: the picture as large as fits at its own aspect ratio, one
 * play button, one scrubber across every segment, and the segments named underneath.
 */
export const FilmPlayer = forwardRef<FilmControl, Props>(function FilmPlayer(
  { plan, currentId, ratio, loop },
  ref,
) {
  const t = useTranslations("Viewer");
  const playback = useFilmPlayback(plan, true);
  useImperativeHandle(ref, () => ({ toggle: playback.toggle }), [playback.toggle]);
  const segment = segmentAt(plan, playback.time);
  const film = plan.segments.length > 1;
  const total = clock(plan.duration);
  const first = plan.sources[0];
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div className="grid min-h-0 flex-1 place-items-center [container-type:size]">
        <div
          className="relative overflow-hidden rounded-tile bg-black shadow-2xl"
          style={{ aspectRatio: String(ratio), width: `min(100cqw, calc(100cqh * ${ratio}))` }}
        >
          {plan.sources.map((source, index) => (
            <video
              key={source.task.id}
              ref={playback.setVideo(index)}
              src={source.url}
              poster={index === 0 ? (first?.poster ?? undefined) : undefined}
              data-film-source={index}
              data-active={index === playback.active ? "true" : undefined}
              muted
              playsInline
              loop={loop && plan.sources.length === 1}
              preload={Math.abs(index - playback.active) <= 1 ? "auto" : "metadata"}
              aria-hidden={index === playback.active ? undefined : true}
              aria-label={shortPrompt(source.task.prompt)}
              onClick={playback.toggle}
              className={`absolute inset-0 size-full object-contain ${index === playback.active ? "opacity-100" : "opacity-0"}`}
            />
          ))}
        </div>
      </div>
      <div className="flex items-center gap-3 text-sm text-white">
        <button
          type="button"
          data-play
          onClick={playback.toggle}
          aria-label={playback.playing ? t("pause") : t("play")}
          className="grid size-10 shrink-0 place-items-center rounded-full bg-white/10 hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-accent"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="currentColor">
            {playback.playing ? <path d="M7 5h4v14H7zM13 5h4v14h-4z" /> : <path d="M8 5.5v13l11-6.5z" />}
          </svg>
        </button>
        <div className="relative flex h-10 min-w-0 flex-1 items-center">
          {plan.segments.slice(1).map((item) => (
            <span
              key={item.task.id}
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 h-3 w-0.5 -translate-y-1/2 rounded-full bg-white/70"
              style={{ left: `${(item.start / plan.duration) * 100}%` }}
            />
          ))}
          <input
            type="range"
            min={0}
            max={plan.duration}
            step={0.01}
            value={Math.min(playback.time, plan.duration)}
            aria-label={film ? t("scrubber") : t("scrubberClip")}
            aria-valuetext={t("scrubberText", {
              time: clock(playback.time),
              total,
              number: segment?.number ?? 1,
            })}
            onChange={(event) => playback.seek(Number(event.target.value))}
            data-testid="film-scrubber"
            className="h-10 w-full cursor-pointer [accent-color:var(--accent)]"
          />
        </div>
        <span className="shrink-0 tabular-nums text-white/80">
          {t("timeOf", { time: clock(playback.time), total })}
        </span>
      </div>
      {film ? (
        <FilmSegments
          plan={plan}
          currentId={currentId}
          playingNumber={segment?.number ?? 1}
          onSeek={playback.seek}
          label={t("film", { count: plan.segments.length })}
        />
      ) : null}
    </div>
  );
});
