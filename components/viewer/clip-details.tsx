"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { editDetail } from "@/components/edit/edit-tools";
import { TaskStatusBadge } from "@/components/gallery/task-status";
import { failureText } from "@/lib/client/error-text";
import { copyText } from "@/lib/client/share";
import { notify } from "@/lib/client/toast";
import { formatDateTime } from "@/lib/i18n/format";
import { familyQueryOptions } from "@/lib/queries/family";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";
import { settingsLine } from "./settings-line";
import { ViewerActions } from "./viewer-actions";

interface Props {
  task: Task;
  /** Shows another clip in the viewer (lineage links). */
  onOpen: (id: string) => void;
  onUseSettings: () => void;
  onKeyframeUsed?: () => void;
}

const HEADING = "text-xs font-medium uppercase tracking-wide text-ink-faint";
const LINK =
  "text-left font-medium text-accent underline decoration-accent/40 underline-offset-2 hover:decoration-accent focus-visible:outline-2 focus-visible:outline-accent";

/** The details panel: prompt, settings, lineage, share state and every action. */
export function ClipDetails({ task, onOpen, onUseSettings, onKeyframeUsed }: Props) {
  const t = useTranslations();
  const edit = useTranslations("Edit");
  const locale = useLocale();
  // An upscale's resolution is already in the settings; the other tools say what they did.
  const made = task.edit?.tool === "upscale" ? null : editDetail(task, edit);
  /** Only a refusal stays: a copied prompt is told once, by a toast and the live region. */
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-6 p-4 sm:p-6">
      <section aria-labelledby="viewer-prompt" className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-2">
          <h2 id="viewer-prompt" className={HEADING}>
            {t("Viewer.prompt")}
          </h2>
          <button
            type="button"
            onClick={async () => {
              const copied = await copyText(task.prompt);
              setRefused(copied ? null : t("Viewer.copyRefused"));
              if (copied) notify("success", t("Viewer.promptCopied"));
            }}
            className="h-8 rounded-md px-2 text-xs font-medium text-ink-muted pointer-coarse:h-10 hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
          >
            {t("Viewer.copyPrompt")}
          </button>
        </div>
        <p className="max-h-48 overflow-y-auto text-base leading-relaxed break-words whitespace-pre-wrap text-ink">
          {task.prompt}
        </p>
        <p role="status" className="text-xs text-warn empty:hidden">
          {refused}
        </p>
      </section>

      <section aria-labelledby="viewer-settings" className="flex flex-col gap-2">
        <h2 id="viewer-settings" className={HEADING}>
          {t("Viewer.settings")}
        </h2>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink">
          {task.state !== "completed" ? <TaskStatusBadge task={task} /> : null}
          <span data-testid="viewer-settings">
            {[...(made ? [made] : []), ...settingsLine(task, t)].join(" · ")}
          </span>
        </p>
        <p className="text-xs text-ink-muted">
          {t("Viewer.made")} <time dateTime={task.createdAt}>{formatDateTime(task.createdAt, locale)}</time>
        </p>
        {task.state === "failed" && task.failureReason ? (
          <p data-testid="failure-reason" className="rounded-tile bg-danger-soft p-2 text-xs text-danger">
            {failureText(task.errorCode, task.failureReason, t)}
          </p>
        ) : null}
      </section>

      <ClipLineage task={task} onOpen={onOpen} />

      <section aria-labelledby="viewer-sharing" className="flex flex-col gap-2">
        <h2 id="viewer-sharing" className={HEADING}>
          {t("Viewer.sharing")}
        </h2>
        <p className="text-sm text-ink-muted">{task.share ? t("Viewer.shared") : t("Viewer.notShared")}</p>
      </section>

      <section aria-labelledby="viewer-actions" className="flex flex-col gap-2">
        <h2 id="viewer-actions" className={HEADING}>
          {t("Viewer.actions")}
        </h2>
        <ViewerActions task={task} onUseSettings={onUseSettings} onKeyframeUsed={onKeyframeUsed} />
      </section>
    </div>
  );
}

/** Where the clip came from and what grew from it, as the family answer says (survivors included). */
function ClipLineage({ task, onOpen }: { task: Task; onOpen: (id: string) => void }) {
  const t = useTranslations();
  const edit = useTranslations("Edit");
  const related = task.parentId !== null || task.extensionCount > 0;
  const family = useQuery({ ...familyQueryOptions(task.id), enabled: related });
  if (!related) return null;
  const children = (family.data?.members ?? []).filter((member) => member.task.parentId === task.id);
  const parent = family.data?.members.find((member) => member.task.id === task.parentId)?.task;
  return (
    <section aria-labelledby="viewer-lineage" className="flex flex-col gap-2 text-sm">
      <h2 id="viewer-lineage" className={HEADING}>
        {t("Viewer.lineage")}
      </h2>
      {task.parentId ? (
        parent || task.parentPrompt ? (
          <p className="text-ink-muted">
            {task.kind === "extend"
              ? t("Viewer.extendedFrom")
              : task.kind === "generate"
                ? t("Viewer.continuedFrom")
                : t(`Edit.madeBy.${task.kind}`)}{" "}
            <button type="button" className={LINK} onClick={() => task.parentId && onOpen(task.parentId)}>
              “{shortPrompt(parent?.prompt ?? task.parentPrompt ?? "", 60)}”
            </button>
          </p>
        ) : (
          <p className="text-ink-muted">{t("Viewer.deletedParent")}</p>
        )
      ) : null}
      {children.length > 0 ? (
        <div className="text-ink-muted">
          <p>{t("Viewer.grewInto")}</p>
          <ul className="mt-1 flex flex-col gap-1">
            {children.map((child) => (
              <li key={child.task.id}>
                <button type="button" className={LINK} onClick={() => onOpen(child.task.id)}>
                  “{shortPrompt(child.task.prompt, 60)}”
                </button>
                {child.task.edit ? <span> · {editDetail(child.task, edit)}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
