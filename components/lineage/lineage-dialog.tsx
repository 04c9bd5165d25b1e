"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { type FieldErrors, sentenceFor } from "@/lib/client/field-errors";
import { PROMPT_MAX } from "@/lib/shared/generation-input";
import type { Task } from "@/lib/shared/task";
import { KeyframeZone } from "../create/keyframe-zone";
import { PromptField } from "../create/prompt-field";
import { ToggleSwitch } from "../create/toggle-switch";
import { keyframeInput, useKeyframes } from "../create/use-keyframes";
import { ModalDialog } from "./modal-dialog";
import { type LineageMode, useLineageSubmit } from "./use-lineage-submit";

export interface LineageDialogProps {
  parent: Task;
  mode: LineageMode;
  onModeChange: (mode: LineageMode) => void;
  onClose: () => void;
  onStarted: (task: Task, mode: LineageMode) => void;
}

const TITLE = { extend: "extendTitle", continue: "continue" } as const;
const SUBMIT = { extend: ["extend", "extending"], continue: ["startNew", "starting"] } as const;

/** New prompt, enhance prompt and an optional end keyframe for an extension or a continuation. */
export function LineageDialog({ parent, mode, onModeChange, onClose, onStarted }: LineageDialogProps) {
  const t = useTranslations("Lineage");
  const translate = useTranslations();
  const idPrefix = `lineage${useId().replace(/:/g, "")}`;
  const [prompt, setPrompt] = useState("");
  const [expandPrompt, setExpandPrompt] = useState(false);
  const keyframes = useKeyframes();
  const { submit, submitting, fieldErrors, setFieldErrors, alert } = useLineageSubmit(parent);
  const endZoneId = `${idPrefix}-endFrame`;
  const promptId = `${idPrefix}-prompt`;

  // The dialog opens on its first control (Close); the prompt is where the creator starts.
  useEffect(() => {
    document.getElementById(promptId)?.focus();
  }, [promptId]);

  const handleSubmit = async () => {
    const end = keyframeInput(keyframes.slots.end);
    const pending: FieldErrors = end.problem
      ? { endFrame: sentenceFor("endFrame", end.problem, translate) }
      : {};
    const task = await submit(mode, { prompt, expandPrompt, endFrame: end.input }, pending);
    if (task) onStarted(task, mode);
    else if (end.problem) document.getElementById(endZoneId)?.focus();
  };

  return (
    <ModalDialog title={t(TITLE[mode])} closeLabel={t("close")} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void handleSubmit();
        }}
        className="flex flex-col gap-4"
      >
        <div className="flex gap-3 rounded-xl bg-zinc-50 p-3 text-sm dark:bg-zinc-900">
          {parent.lastFrame || parent.thumbnail ? (
            // biome-ignore lint/performance/noImgElement: studio media and upstream links can't go through next/image
            <img
              src={(mode === "continue" ? parent.lastFrame : parent.thumbnail)?.url ?? parent.lastFrame?.url}
              alt={mode === "continue" ? t("lastFrameAlt") : ""}
              className="h-16 w-24 shrink-0 rounded-md bg-zinc-200 object-cover dark:bg-zinc-800"
            />
          ) : null}
          <div className="min-w-0">
            <p className="line-clamp-2 text-zinc-800 dark:text-zinc-200">{parent.prompt}</p>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
              {mode === "extend" ? t("extendExplain") : t("continueExplain")}
            </p>
          </div>
        </div>
        <PromptField
          id={promptId}
          value={prompt}
          maxLength={PROMPT_MAX}
          error={fieldErrors.prompt}
          onChange={(value) => {
            setPrompt(value);
            setFieldErrors((current) => ({ ...current, prompt: undefined }));
          }}
        />
        <ToggleSwitch
          label={translate("Form.enhance")}
          description={t("enhanceDescription")}
          checked={expandPrompt}
          onChange={setExpandPrompt}
        />
        <KeyframeZone
          slot="end"
          label={translate("Form.endKeyframeOptional")}
          zoneId={endZoneId}
          state={keyframes.slots.end}
          error={fieldErrors.endFrame}
          onFile={(file) => void keyframes.addFile("end", file)}
          onReject={(message) => keyframes.setError("end", message)}
          onUrl={(url) => keyframes.setUrl("end", url)}
          onRemove={() => keyframes.remove("end")}
        />
        <p className="text-sm">
          <span className="font-medium">{translate("Form.aspectRatio")}</span>{" "}
          <span className="rounded-md bg-zinc-100 px-2 py-0.5 font-mono text-xs dark:bg-zinc-800">
            {parent.aspectRatio ?? "16:9"}
          </span>{" "}
          <span className="text-xs text-zinc-600 dark:text-zinc-400">{t("aspectFixed")}</span>
        </p>
        {alert ? (
          <div
            role="alert"
            className="flex flex-col gap-2 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200"
          >
            <p>{alert.message}</p>
            {alert.suggestContinue && mode === "extend" ? (
              <button
                type="button"
                onClick={() => onModeChange("continue")}
                className="self-start rounded-md border border-red-400 px-2 py-1 text-xs font-medium hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-red-600 dark:border-red-700 dark:hover:bg-red-900"
              >
                {t("continueInstead")}
              </button>
            ) : null}
          </div>
        ) : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={onClose}
            className="h-11 rounded-xl border border-zinc-300 px-5 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            {translate("Actions.cancel")}
          </button>
          <button
            type="submit"
            disabled={submitting}
            className="inline-flex h-11 items-center justify-center gap-2 rounded-xl bg-brand-600 px-6 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:cursor-progress disabled:opacity-70"
          >
            {submitting ? t(SUBMIT[mode][1]) : t(SUBMIT[mode][0])}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
