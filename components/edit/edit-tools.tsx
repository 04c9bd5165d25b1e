"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { type EditToolName, upscaleTargets } from "@/lib/shared/edit-tools";
import type { Task } from "@/lib/shared/task";

type Edits = ProviderCapabilities["edits"];

const NONE: Edits = {
  upscale: [],
  audio: false,
  modify: false,
  reframe: [],
  extendBackward: false,
  interpolate: false,
};
const EditToolsContext = createContext<Edits>(NONE);

/** The provider's tools, given once by the studio's layout, so cards and the viewer offer only those. */
export function EditToolsProvider({ edits, children }: { edits: Edits; children: ReactNode }) {
  return <EditToolsContext.Provider value={edits}>{children}</EditToolsContext.Provider>;
}

/** The longest source the Dream Machine API modifies. */
export const MODIFY_MAX_SECONDS = 10;

export interface EditAbilities {
  /** Resolutions above the clip's own that it can be upscaled to. */
  upscale: string[];
  audio: boolean;
  modify: boolean;
  /** Aspect ratios other than the clip's own that it can be reframed to. */
  reframe: string[];
  /** A segment before the clip, from the extend dialog. */
  extendBackward: boolean;
  interpolate: boolean;
  /** The tools on offer for this clip, in menu order. */
  tools: EditToolName[];
}

/** What tools this clip can go through now: only finished clips, and only what can work. */
export function useEditAbilities(task: Task): EditAbilities {
  const edits = useContext(EditToolsContext);
  const ready = task.state === "completed" && task.video !== null;
  const upscale = ready ? upscaleTargets(task.resolution, edits.upscale) : [];
  const seconds = task.video?.durationSeconds ?? null;
  const modify = ready && edits.modify && (seconds === null || seconds <= MODIFY_MAX_SECONDS + 0.5);
  const audio = ready && edits.audio;
  const interpolate = ready && edits.interpolate;
  const reframe = ready ? edits.reframe.filter((ratio) => ratio !== (task.aspectRatio ?? "16:9")) : [];
  const tools: EditToolName[] = [];
  if (modify) tools.push("modify");
  if (upscale.length > 0) tools.push("upscale");
  if (reframe.length > 0) tools.push("reframe");
  if (audio) tools.push("audio");
  if (interpolate) tools.push("interpolate");
  return {
    upscale,
    audio,
    modify,
    reframe,
    extendBackward: ready && edits.extendBackward,
    interpolate,
    tools,
  };
}

type EditTranslate = (key: `detail.${EditToolName}`, values?: Record<string, string>) => string;

/** The label before a parent's name for a clip a tool or a backward extension made ("Upscaled from"). */
export type MadeByKind = "reverse" | "upscale" | "audio" | "modify" | "reframe" | "bridge";
type StrengthTranslate = (key: "strength.adhere" | "strength.flex" | "strength.reimagine") => string;

/** "Upscaled to 1080p", "Modified · Reimagined", "With audio"; null for a clip no tool made. */
export function editDetail(task: Task, t: EditTranslate & StrengthTranslate): string | null {
  const edit = task.edit;
  if (!edit) return null;
  if (edit.tool === "upscale")
    return t("detail.upscale", { resolution: edit.resolution === "4k" ? "4K" : edit.resolution });
  if (edit.tool === "audio") return t("detail.audio");
  if (edit.tool === "reframe") return t("detail.reframe", { ratio: edit.aspectRatio });
  if (edit.tool === "interpolate") {
    const to = edit.toPrompt ?? "";
    return t("detail.interpolate", { to: to.length > 40 ? `${to.slice(0, 40)}…` : to });
  }
  const group = edit.mode.split("_")[0] as "adhere" | "flex" | "reimagine";
  return t("detail.modify", { strength: t(`strength.${group}`) });
}
