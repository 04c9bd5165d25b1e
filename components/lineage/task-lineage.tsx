"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import type { Task } from "@/lib/shared/task";

// Loaded when first opened, outside the studio's first-load budget.
const FamilyDialog = lazy(() =>
  import("./family-dialog").then((module) => ({ default: module.FamilyDialog })),
);

export const clipAnchor = (id: string) => `clip-${id}`;

const LINK =
  "font-medium text-brand-700 underline decoration-brand-300 underline-offset-2 hover:decoration-brand-600 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-400";

/**
 * Where a clip came from and what grew from it: "Extended from …" jumps to the parent's card when it is
 * on the page and opens the family view otherwise; the count and the family view cover the rest.
 */
export function TaskLineage({ task }: { task: Task }) {
  const t = useTranslations("Lineage");
  const [familyOpen, setFamilyOpen] = useState(false);
  if (!task.parentId && task.extensionCount === 0) return null;
  const parentId = task.parentId;
  const from = task.kind === "extend" ? t("extendedFrom") : t("continuedFrom");
  const parentName = task.parentPrompt
    ? `“${task.parentPrompt.slice(0, 60)}${task.parentPrompt.length > 60 ? "…" : ""}”`
    : t("deletedClip");

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
      {parentId ? (
        <span>
          {from}{" "}
          <a
            href={`#${clipAnchor(parentId)}`}
            className={LINK}
            onClick={(event) => {
              const card = document.getElementById(clipAnchor(parentId));
              event.preventDefault();
              if (!card) {
                setFamilyOpen(true);
                return;
              }
              card.scrollIntoView({ behavior: "smooth", block: "center" });
              card.focus({ preventScroll: true });
            }}
          >
            {parentName}
          </a>
        </span>
      ) : null}
      {task.extensionCount > 0 ? <span>{t("extensions", { count: task.extensionCount })}</span> : null}
      <button type="button" className={LINK} onClick={() => setFamilyOpen(true)}>
        {t("viewFamily")}
      </button>
      {familyOpen ? (
        <Suspense fallback={null}>
          <FamilyDialog taskId={task.id} onClose={() => setFamilyOpen(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}
