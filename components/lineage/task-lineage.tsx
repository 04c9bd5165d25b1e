"use client";

import { useTranslations } from "next-intl";
import type { Task } from "@/lib/shared/task";
import { ViewerLink } from "../viewer/viewer-link";

export const clipAnchor = (id: string) => `clip-${id}`;

const LINK =
  "font-medium text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent focus-visible:outline-2 focus-visible:outline-accent pointer-coarse:inline-flex pointer-coarse:min-h-10 pointer-coarse:items-center";

const viewerHref = (id: string) => `/clips/${encodeURIComponent(id)}`;

/**
 * Where a clip came from and what grew from it: "Extended from …" opens the parent in the viewer, and
 * "Watch the family as one film" opens this clip there, where its family plays as one film.
 */
export function TaskLineage({ task }: { task: Task }) {
  const t = useTranslations("Lineage");
  const e = useTranslations("Edit");
  if (!task.parentId && task.extensionCount === 0) return null;
  const parentId = task.parentId;
  const from =
    task.kind === "extend"
      ? t("extendedFrom")
      : task.kind === "generate"
        ? t("continuedFrom")
        : e(`madeBy.${task.kind}`);
  const parentName = task.parentPrompt
    ? `“${task.parentPrompt.slice(0, 60)}${task.parentPrompt.length > 60 ? "…" : ""}”`
    : t("deletedClip");

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-ink-muted">
      {parentId ? (
        <span>
          {from}{" "}
          {task.parentPrompt ? (
            <ViewerLink href={viewerHref(parentId)} className={LINK}>
              {parentName}
            </ViewerLink>
          ) : (
            parentName
          )}
        </span>
      ) : null}
      {task.extensionCount > 0 ? <span>{t("extensions", { count: task.extensionCount })}</span> : null}
      <ViewerLink href={viewerHref(task.id)} className={LINK}>
        {t("viewFamily")}
      </ViewerLink>
    </div>
  );
}
