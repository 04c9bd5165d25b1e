"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import type { TranslateIn } from "@/lib/i18n/translate";
import { familyQueryOptions } from "@/lib/queries/family";
import type { FamilyMember } from "@/lib/shared/family";
import { TaskStatusBadge } from "../gallery/task-status";
import { ModalDialog } from "./modal-dialog";

function versionName(member: FamilyMember, t: TranslateIn<"Lineage">): string {
  if (member.depth === 0) return t("original");
  if (member.task.kind !== "extend") return t("continued");
  return member.depth === 1 ? t("extension") : t("extensionDeep", { depth: member.depth });
}

/** The whole chain, original first, each version with its prompt, duration and a player to compare. */
export function FamilyDialog({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const t = useTranslations("Lineage");
  const timeT = useTranslations("Time");
  const format = useFormatter();
  const family = useQuery(familyQueryOptions(taskId));
  const durationText = (member: FamilyMember) => {
    const seconds = member.task.video?.durationSeconds;
    return seconds
      ? timeT("seconds", {
          s: format.number(seconds, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        })
      : "—";
  };
  const members = family.data?.members ?? [];
  return (
    <ModalDialog title={t("familyTitle")} closeLabel={t("close")} onClose={onClose} size="lg">
      {family.isPending ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("familyLoading")}
        </p>
      ) : family.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("familyError", { reason: family.error.message })}
        </p>
      ) : (
        <ol aria-label={t("versions")} className="flex flex-col gap-4">
          {members.map((member) => (
            <li
              key={member.task.id}
              aria-current={member.task.id === taskId ? "true" : undefined}
              style={{ marginInlineStart: `${Math.min(member.depth, 4) * 0.75}rem` }}
              className={`grid gap-3 rounded-xl border p-3 sm:grid-cols-[16rem_minmax(0,1fr)] ${member.task.id === taskId ? "border-brand-400 dark:border-brand-600" : "border-zinc-200 dark:border-zinc-800"}`}
            >
              {member.task.video ? (
                // biome-ignore lint/a11y/useMediaCaption: generated clips have no speech to caption
                <video
                  src={member.task.video.url}
                  poster={member.task.thumbnail?.url}
                  controls
                  playsInline
                  preload="metadata"
                  aria-label={`${versionName(member, t)}: ${member.task.prompt.slice(0, 60)}`}
                  className="aspect-video w-full rounded-lg bg-zinc-100 object-contain dark:bg-zinc-900"
                />
              ) : (
                <div className="grid aspect-video w-full place-items-center rounded-lg bg-zinc-100 text-xs text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
                  {t("noVideo")}
                </div>
              )}
              <div className="min-w-0 space-y-1 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{versionName(member, t)}</span>
                  {member.task.state !== "completed" ? <TaskStatusBadge task={member.task} /> : null}
                  {member.task.id === taskId ? (
                    <span className="text-xs text-brand-700 dark:text-brand-400">{t("thisClip")}</span>
                  ) : null}
                </p>
                <p className="text-zinc-800 dark:text-zinc-200">{member.task.prompt}</p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  {t("durationLine", { duration: durationText(member) })}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </ModalDialog>
  );
}
