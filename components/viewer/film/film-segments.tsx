"use client";

import { useTranslations } from "next-intl";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { FilmPlan } from "./film-plan";

interface Props {
  plan: FilmPlan;
  currentId: string;
  playingNumber: number;
  onSeek: (filmTime: number) => void;
  label: string;
}

/** Each segment of the film, numbered with its prompt; choosing one jumps to its start. */
export function FilmSegments({ plan, currentId, playingNumber, onSeek, label }: Props) {
  const t = useTranslations("Viewer");
  return (
    <div className="min-w-0">
      <p className="sr-only">{label}</p>
      <ol aria-label={t("segments")} className="flex gap-2 overflow-x-auto pb-1">
        {plan.segments.map((segment) => {
          const playing = segment.number === playingNumber;
          return (
            <li key={segment.task.id} className="min-w-0 shrink-0 basis-56">
              <button
                type="button"
                onClick={() => onSeek(segment.start)}
                aria-current={playing ? "step" : undefined}
                aria-label={t("segment", {
                  number: segment.number,
                  prompt: shortPrompt(segment.task.prompt),
                })}
                className={`flex w-full items-center gap-2 rounded-tile border px-2 py-1.5 text-left text-xs focus-visible:outline-2 focus-visible:outline-accent ${playing ? "border-accent bg-white/15 text-white" : "border-white/15 text-white/75 hover:bg-white/10"}`}
              >
                <span
                  className={`grid size-5 shrink-0 place-items-center rounded-full text-[11px] font-semibold tabular-nums ${playing ? "bg-accent text-accent-ink" : "bg-white/15"}`}
                >
                  {segment.number}
                </span>
                <span className="min-w-0 truncate">{segment.task.prompt}</span>
                {segment.task.id === currentId ? <span className="sr-only">({t("thisClip")})</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
