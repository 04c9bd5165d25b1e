"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useRef, useState } from "react";
import type { EditToolName } from "@/lib/shared/edit-tools";
import type { Task } from "@/lib/shared/task";
import { SECONDARY_BUTTON } from "../gallery/action-button";
import { useEditAbilities } from "./edit-tools";

// Loaded when first opened, outside the first-load budget.
const EditDialog = lazy(() => import("./edit-dialog").then((module) => ({ default: module.EditDialog })));

/** The provider's tools for this clip as buttons (the viewer's), each opening its dialog. */
export function EditActions({ task }: { task: Task }) {
  const t = useTranslations("Edit");
  const { tools } = useEditAbilities(task);
  const [tool, setTool] = useState<EditToolName | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  if (tools.length === 0) return null;
  return (
    <fieldset className="flex flex-wrap items-center gap-2">
      <legend className="sr-only">{t("tools")}</legend>
      {tools.map((name) => (
        <button
          key={name}
          type="button"
          className={SECONDARY_BUTTON}
          aria-haspopup="dialog"
          onClick={(event) => {
            opener.current = event.currentTarget;
            setTool(name);
          }}
        >
          {t(`submit.${name}`)}
        </button>
      ))}
      {tool ? (
        <Suspense fallback={null}>
          <EditDialog
            source={task}
            tool={tool}
            onClose={() => setTool(null)}
            returnFocus={() => opener.current}
          />
        </Suspense>
      ) : null}
    </fieldset>
  );
}
