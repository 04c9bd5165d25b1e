"use client";

import { useTranslations } from "next-intl";
import { type ClipboardEvent, type KeyboardEvent, useEffect, useId, useRef } from "react";
import { type FieldErrors, type FieldName, sentenceFor } from "@/lib/client/field-errors";
import { checkKeyframeFile } from "@/lib/client/file-rules";
import { onUseSettings } from "@/lib/client/use-settings-event";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import type { Task } from "@/lib/shared/task";
import { FormFooter } from "./form-footer";
import { KeyframePair, zoneIdFor } from "./keyframe-pair";
import { PromptField } from "./prompt-field";
import { SettingsFields } from "./settings-fields";
import { useCreateSettings } from "./use-create-settings";
import { useCreateSubmit } from "./use-create-submit";
import { keyframeInput, SLOTS, type Slot, useKeyframes } from "./use-keyframes";

export interface CreateFormProps {
  /** What the configured provider accepts; the form offers nothing else. */
  capabilities: ProviderCapabilities;
  onCreated?: (task: Task) => void;
  /** Any submit the server kept as a clip, started or failed: the gallery has something new to show. */
  onTaskRecorded?: () => void;
}

const FIELD_ORDER: readonly FieldName[] = [
  "prompt",
  "startFrame",
  "endFrame",
  "model",
  "aspectRatio",
  "resolution",
  "duration",
  "loop",
];

export function CreateForm({ capabilities: caps, onCreated, onTaskRecorded }: CreateFormProps) {
  const t = useTranslations();
  const idPrefix = `create${useId().replace(/:/g, "")}`;
  const formRef = useRef<HTMLFormElement>(null);
  const { settings, update, prompt, setPrompt, clearDraft, reuse } = useCreateSettings(caps);
  const keyframes = useKeyframes();
  const { submit, submitting, fieldErrors, clearFieldError, alert, announcement } = useCreateSubmit(caps);

  const exclusive = !caps.loopWithEndFrame;
  const hasEnd = keyframes.slots.end.value !== null;
  const loop = caps.loop && settings.loop;
  const loopBlockedReason = exclusive && hasEnd ? t("Form.loopBlocked") : undefined;
  const endBlockedReason = exclusive && loop ? t("Form.endBlocked") : undefined;

  // A gallery card's "Use these settings" fills the form and puts the cursor in the prompt.
  useEffect(
    () =>
      onUseSettings((reused) => {
        reuse(reused);
        document.getElementById(`${idPrefix}-prompt`)?.focus();
      }),
    [reuse, idPrefix],
  );

  const focusField = (field: FieldName) => {
    const target =
      field === "startFrame" || field === "endFrame"
        ? zoneIdFor(idPrefix, field === "startFrame" ? "start" : "end")
        : `${idPrefix}-${field}`;
    document.getElementById(target)?.focus();
  };

  const handleSubmit = async () => {
    const pending: FieldErrors = {};
    const start = keyframeInput(keyframes.slots.start);
    const end = keyframeInput(keyframes.slots.end);
    if (start.problem) pending.startFrame = sentenceFor("startFrame", start.problem, t);
    if (end.problem) pending.endFrame = sentenceFor("endFrame", end.problem, t);
    const outcome = await submit(
      { prompt, ...settings, loop, startFrame: start.input, endFrame: end.input },
      pending,
    );
    if (!outcome) return;
    if (outcome.ok || outcome.recorded) onTaskRecorded?.();
    if (outcome.ok) {
      clearDraft();
      onCreated?.(outcome.task);
      return;
    }
    const first = FIELD_ORDER.find((field) => outcome.errors[field]);
    if (first) focusField(first);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  };

  // A zone with focus handles its own paste (react-dropzone); anywhere else the image goes to the
  // zone the focus is in (its URL field), or else to the first empty zone.
  const onPaste = (event: ClipboardEvent<HTMLFormElement>) => {
    if (event.defaultPrevented) return;
    const file = Array.from(event.clipboardData.files)[0];
    if (!file) return;
    const target = event.target instanceof Element ? event.target : null;
    // Office apps put a picture of copied text on the clipboard too; in a text field the text wins.
    const typing = target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;
    if (typing && event.clipboardData.types.includes("text/plain")) return;
    event.preventDefault();
    const within = target?.closest("[data-keyframe-slot]")?.getAttribute("data-keyframe-slot");
    const open = (slot: Slot) => !(slot === "end" && endBlockedReason);
    const slot: Slot =
      within === "start" || within === "end"
        ? within
        : (SLOTS.find((candidate) => open(candidate) && !keyframes.slots[candidate].value) ?? "start");
    if (!open(slot)) return;
    const problem = checkKeyframeFile(file, t);
    if (problem) keyframes.setError(slot, problem);
    else {
      clearFieldError(slot === "start" ? "startFrame" : "endFrame");
      void keyframes.addFile(slot, file);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-describedby={`${idPrefix}-shortcut`}
      onSubmit={(event) => {
        event.preventDefault();
        void handleSubmit();
      }}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      className="@container flex flex-col gap-5 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm sm:p-6 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <PromptField
        id={`${idPrefix}-prompt`}
        value={prompt}
        maxLength={caps.maxPromptLength}
        error={fieldErrors.prompt}
        onChange={(value) => {
          setPrompt(value);
          clearFieldError("prompt");
        }}
      />
      <KeyframePair
        idPrefix={idPrefix}
        keyframes={keyframes}
        errors={fieldErrors}
        endBlockedReason={endBlockedReason}
        onChanged={(slot) => clearFieldError(slot === "start" ? "startFrame" : "endFrame")}
      />
      <SettingsFields
        idPrefix={idPrefix}
        capabilities={caps}
        settings={{ ...settings, loop }}
        errors={fieldErrors}
        loopBlockedReason={loopBlockedReason}
        onChange={(patch) => {
          update(patch);
          for (const field of Object.keys(patch))
            if (field !== "expandPrompt") clearFieldError(field as FieldName);
        }}
      />
      <FormFooter
        shortcutId={`${idPrefix}-shortcut`}
        submitting={submitting}
        alert={alert}
        announcement={announcement}
      />
    </form>
  );
}
