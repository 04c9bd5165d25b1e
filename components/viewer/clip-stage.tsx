"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type Ref, useMemo } from "react";
import { failureText } from "@/lib/client/error-text";
import { familyQueryOptions } from "@/lib/queries/family";
import { clipRatio } from "@/lib/shared/setting-labels";
import type { Task } from "@/lib/shared/task";
import { filmChain, planFilm } from "./film/film-plan";
import { type FilmControl, FilmPlayer } from "./film/film-player";

/**
 * The media side of the viewer: the clip (or its family as one film) when it can play, else what it
 * is waiting for or why it failed, on the dark stage.
 */
export function ClipStage({ task, control }: { task: Task; control: Ref<FilmControl> }) {
  const t = useTranslations();
  const related = task.parentId !== null || task.extensionCount > 0;
  const family = useQuery({ ...familyQueryOptions(task.id), enabled: related });
  const members = family.data?.members;
  const plan = useMemo(() => {
    const chain = members ? filmChain(members, task.id) : [];
    return planFilm(chain.length > 0 ? chain : task.video && task.state === "completed" ? [task] : []);
  }, [members, task]);

  if (task.image) {
    const ratio = clipRatio(task);
    return (
      <div className="grid min-h-0 flex-1 place-items-center [container-type:size]">
        {/* biome-ignore lint/performance/noImgElement: the studio's own stored picture, at its own shape */}
        <img
          src={task.image.url}
          alt={t("Card.image", { prompt: task.prompt.slice(0, 120) })}
          className="rounded-tile bg-black object-contain shadow-2xl"
          style={{ aspectRatio: String(ratio), width: `min(100cqw, calc(100cqh * ${ratio}))` }}
        />
      </div>
    );
  }
  if (plan.sources.length === 0) {
    return (
      <div className="grid flex-1 place-items-center">
        <div
          className="grid w-full max-w-xl place-items-center rounded-tile bg-white/5 p-6 text-center text-sm text-white/80"
          style={{ aspectRatio: String(clipRatio(task)), maxHeight: "100%" }}
        >
          <p role="status">
            {task.state === "failed"
              ? `${t("Viewer.failed")} ${task.failureReason ? failureText(task.errorCode, task.failureReason, t) : ""}`
              : t("Viewer.waiting")}
          </p>
        </div>
      </div>
    );
  }
  return (
    <FilmPlayer
      // A new clip or a longer film starts a new player from the beginning.
      key={`${task.id}:${plan.sources.map((source) => source.url).join("|")}`}
      ref={control}
      plan={plan}
      currentId={task.id}
      ratio={clipRatio(plan.sources[0]?.task ?? task)}
      loop={task.loop}
    />
  );
}
