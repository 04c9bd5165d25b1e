"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { type FieldErrors, sentenceFor } from "@/lib/client/field-errors";
import { notify } from "@/lib/client/toast";
import { refreshBalance } from "@/lib/queries/balance";
import { taskKeys } from "@/lib/queries/tasks";
import { PROMPT_MAX } from "@/lib/shared/generation-input";
import { modelLabel } from "@/lib/shared/setting-labels";
import type { Task } from "@/lib/shared/task";
import { composerFormProps, composerIds, promptProblems } from "../create/composer-form";
import { ComposerMessages } from "../create/composer-messages";
import { ComposerPrompt } from "../create/composer-prompt";
import { GenerateBar } from "../create/form-footer";
import { FixedTile, KeyframePair, slotProblems, zoneIdFor } from "../create/keyframe-pair";
import { SettingToggle } from "../create/setting-toggle";
import { ENHANCE_ICON } from "../create/settings-fields";
import { keyframeInput, useKeyframes } from "../create/use-keyframes";
import { useEditAbilities } from "../edit/edit-tools";
import { OnDemandMessages } from "../on-demand-messages";
import { SheetDialog } from "../ui/sheet-dialog";
import { type LineageMode, useLineageSubmit } from "./use-lineage-submit";

export interface LineageDialogProps {
  parent: Task;
  mode: LineageMode;
  onModeChange: (mode: LineageMode) => void;
  /** Closed, or the new clip started (its toast and announcement are the dialog's own). */
  onClose: () => void;
  /** Where focus goes back to once the dialog has gone (the button that opened it). */
  returnFocus?: () => HTMLElement | null;
}

/**
 * Extend or continue a clip, in the composer's own pieces so it looks and behaves the same: the clip's
 * end → an optional end keyframe tile, the prompt, the settings as chips (the original's, which the new
 * part keeps, shown as text; Enhance as a switch) and the one accent button. Ctrl/⌘ + Enter sends it.
 * A Radix dialog: a sheet from the bottom on a phone, a panel in the middle elsewhere.
 */
export function LineageDialog(props: LineageDialogProps) {
  return (
    <OnDemandMessages namespaces={["LineageDialog"]}>
      <LineageDialogContent {...props} />
    </OnDemandMessages>
  );
}

function LineageDialogContent({ parent, mode, onModeChange, onClose, returnFocus }: LineageDialogProps) {
  // The dialog's own sentences come with it (messages/parts); the action names are the menu's.
  const t = useTranslations("LineageDialog");
  const action = useTranslations("Lineage");
  const translate = useTranslations();
  const queryClient = useQueryClient();
  const idPrefix = `lineage${useId().replace(/:/g, "")}`;
  const [prompt, setPrompt] = useState("");
  const [expandPrompt, setExpandPrompt] = useState(false);
  const canGoBack = useEditAbilities(parent).extendBackward && mode === "extend";
  const [direction, setDirection] = useState<"forward" | "backward">("forward");
  const backward = canGoBack && direction === "backward";
  const keyframes = useKeyframes();
  const { submit, submitting, fieldErrors, setFieldErrors, alert } = useLineageSubmit(parent);
  const promptId = composerIds(idPrefix).prompt;
  const clearError = (field: "prompt" | "endFrame") =>
    setFieldErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const handleSubmit = async () => {
    const end = backward ? { input: null, problem: null } : keyframeInput(keyframes.slots.end);
    const pending: FieldErrors = end.problem
      ? { endFrame: sentenceFor("endFrame", end.problem, translate) }
      : {};
    const draft = { prompt, expandPrompt, endFrame: end.input, ...(backward ? { direction } : {}) };
    const task = await submit(mode, draft, pending);
    if (!task) {
      if (end.problem) document.getElementById(zoneIdFor(idPrefix, "end"))?.focus();
      else if (!prompt.trim()) document.getElementById(promptId)?.focus();
      return;
    }
    // Said once, by a toast and the live region; the dialog closes and leaves nothing behind.
    if (mode === "extend") notify("success", t("toastExtend"), t("extendStarted"));
    else notify("success", t("toastContinue"), t("continueStarted"));
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    refreshBalance(queryClient);
    onClose();
  };

  const kept = [
    { field: "model", label: translate("Form.model"), value: parent.model ? modelLabel(parent.model) : null },
    { field: "aspectRatio", label: translate("Form.aspectRatio"), value: parent.aspectRatio ?? "16:9" },
    { field: "resolution", label: translate("Form.resolution"), value: parent.resolution },
  ].filter((item): item is { field: string; label: string; value: string } => item.value !== null);
  const start = parent.lastFrame ?? parent.thumbnail;

  return (
    <SheetDialog
      onClose={onClose}
      width="xl"
      closeLabel={t("close")}
      title={mode === "extend" ? t("extendTitle") : action("continue")}
      description={
        <>
          {backward
            ? t("direction.backwardExplain")
            : mode === "extend"
              ? t("extendExplain")
              : t("continueExplain")}{" "}
          <span className="line-clamp-1 italic">“{parent.prompt}”</span>
        </>
      }
      // The prompt is where the creator starts.
      initialFocus={() => document.getElementById(promptId)}
      returnFocus={returnFocus}
    >
      <form
        {...composerFormProps(idPrefix, handleSubmit)}
        className="flex flex-col rounded-panel border border-line bg-surface p-2 sm:p-3"
      >
        {canGoBack ? (
          <fieldset className="mb-2 flex flex-wrap items-center gap-2 px-1">
            <legend className="sr-only">{t("direction.label")}</legend>
            {(["forward", "backward"] as const).map((value) => (
              <label
                key={value}
                className="relative inline-flex h-8 cursor-pointer items-center rounded-full border border-line px-3 text-sm text-ink-muted has-checked:border-accent has-checked:bg-accent-soft has-checked:text-ink has-focus-visible:outline-2 has-focus-visible:outline-accent pointer-coarse:h-10"
              >
                <input
                  type="radio"
                  name={`${idPrefix}-direction`}
                  value={value}
                  checked={direction === value}
                  onChange={() => setDirection(value)}
                  className="sr-only"
                />
                {t(`direction.${value}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
          {backward ? (
            <div className="flex min-w-0 shrink-0 items-start gap-1.5">
              <FixedTile
                src={parent.thumbnail?.url ?? null}
                alt={t("extendFromAlt")}
                caption={t("fromCaption")}
              />
            </div>
          ) : (
            <KeyframePair
              idPrefix={idPrefix}
              keyframes={keyframes}
              errors={fieldErrors}
              fixedStart={{
                src: start?.url ?? null,
                alt: mode === "continue" ? t("lastFrameAlt") : t("extendFromAlt"),
                caption: t("fromCaption"),
              }}
              onChanged={() => clearError("endFrame")}
            />
          )}
          <ComposerPrompt
            idPrefix={idPrefix}
            value={prompt}
            maxLength={PROMPT_MAX}
            invalid={Boolean(fieldErrors.prompt)}
            onChange={(value) => {
              setPrompt(value);
              clearError("prompt");
            }}
          />
        </div>
        {/* On a phone the chips take their own row and the button sits under them, at the end. */}
        <div className="mt-2 flex flex-col gap-2 sm:mt-3 sm:flex-row sm:items-center">
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
            <SettingToggle
              label={translate("Form.enhance")}
              icon={ENHANCE_ICON}
              description={t("enhanceDescription")}
              checked={expandPrompt}
              variant="chip"
              onChange={setExpandPrompt}
            />
            {/* What the new part keeps of the original: settings with one choice, so plain text. */}
            <p className="inline-flex h-9 flex-wrap items-center gap-x-1.5 px-2 text-sm text-ink-muted pointer-coarse:h-10">
              {kept.map((item, index) => (
                <span key={item.field} className="inline-flex items-center gap-1.5">
                  {index > 0 ? (
                    <span aria-hidden="true" className="text-ink-faint">
                      ·
                    </span>
                  ) : null}
                  <span className="sr-only">{item.label}: </span>
                  <span>{item.value}</span>
                </span>
              ))}
            </p>
          </div>
          <div className="self-end sm:self-auto">
            <GenerateBar
              idPrefix={idPrefix}
              submitting={submitting}
              promptLength={prompt.length}
              maxLength={PROMPT_MAX}
              label={mode === "extend" ? action("extend") : t("startNew")}
              busyLabel={mode === "extend" ? t("extending") : t("starting")}
            />
          </div>
        </div>
        <ComposerMessages
          alert={alert?.message ?? null}
          alertAction={
            alert?.suggestContinue && mode === "extend" ? (
              <button
                type="button"
                onClick={() => onModeChange("continue")}
                className="h-8 rounded-full border border-line bg-surface px-3 text-xs font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent pointer-coarse:h-10"
              >
                {t("continueInstead")}
              </button>
            ) : null
          }
          problems={[
            ...promptProblems(idPrefix, fieldErrors.prompt),
            ...slotProblems(idPrefix, keyframes, fieldErrors, ["end"]),
          ]}
          hints={[t("settingsKept")]}
        />
      </form>
    </SheetDialog>
  );
}
