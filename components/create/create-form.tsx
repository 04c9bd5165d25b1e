"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type ClipboardEvent, lazy, Suspense, useCallback, useEffect, useId, useState } from "react";
import { useDropzone } from "react-dropzone";
import { balanceShortfall, durationSecondsOf } from "@/lib/client/balance-warning";
import type { FieldName } from "@/lib/client/field-errors";
import { checkKeyframeFile, KEYFRAME_ACCEPT } from "@/lib/client/file-rules";
import { onUseKeyframe, onUseSettings, type ReusedSettings } from "@/lib/client/use-settings-event";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { useBalance } from "@/lib/queries/balance";
import type { Task } from "@/lib/shared/task";
import { composerFormProps, composerIds, promptProblems } from "./composer-form";
import { ComposerMessages } from "./composer-messages";
import { ComposerPrompt } from "./composer-prompt";
import { GenerateBar } from "./form-footer";
import { KeyframePair, slotProblems, zoneIdFor } from "./keyframe-pair";
import { SettingsFields } from "./settings-fields";
import { SettingsSheet } from "./settings-sheet";
import { useComposerSubmit } from "./use-composer-submit";
import { useCreateSettings } from "./use-create-settings";
import { SLOTS, type Slot, useKeyframes } from "./use-keyframes";
import { WIDE_SCREEN } from "./use-media-query";
import { useStartParam } from "./use-start-param";

// "Create a keyframe from text" (Photon) comes when first opened, outside the first load.
const KeyframeFromText = lazy(() =>
  import("./keyframe-from-text").then((module) => ({ default: module.KeyframeFromText })),
);

// Camera motions come with their list and names, and only where the provider has them.
const CameraMotion = lazy(() =>
  import("./camera-motion").then((module) => ({ default: module.CameraMotion })),
);

export interface CreateFormProps {
  /** What the configured provider accepts; the form offers nothing else. */
  capabilities: ProviderCapabilities;
  onCreated?: (task: Task) => void;
  /**
   * Any submit the server kept as a clip: started (with its task), or failed and kept by the server
   * (known only by id, so no task here). The gallery has something new to show.
   */
  onTaskRecorded?: (task?: Task) => void;
}

const SETTING_FIELDS = new Set<FieldName>(["model", "aspectRatio", "resolution", "duration", "loop"]);

/** The composer: keyframes start → end, the prompt, compact settings and Generate. */
export function CreateForm({ capabilities: caps, onCreated, onTaskRecorded }: CreateFormProps) {
  const t = useTranslations();
  const format = useFormatter();
  const balance = useBalance();
  const idPrefix = `create${useId().replace(/:/g, "")}`;
  const sheetPrefix = `${idPrefix}-sheet`;
  const [keyframesOpen, setKeyframesOpen] = useState(false);
  const [concepts, setConcepts] = useState<string[]>([]);
  const [sheetOpen, setSheetOpen] = useState(false);
  const { settings, update, prompt, setPrompt, clearDraft, reuse } = useCreateSettings(caps);
  const keyframes = useKeyframes();
  useStartParam(keyframes);

  const exclusive = !caps.loopWithEndFrame;
  const hasEnd = keyframes.slots.end.value !== null;
  const loop = caps.loop && settings.loop;
  const loopBlockedReason = exclusive && hasEnd ? t("Form.loopBlocked") : undefined;
  const endBlockedReason = exclusive && loop ? t("Form.endBlocked") : undefined;
  const anyKeyframe = SLOTS.some((slot) => keyframes.slots[slot].value || keyframes.slots[slot].error);

  const focusField = useCallback(
    (field: FieldName) => {
      if (field === "startFrame" || field === "endFrame") {
        setKeyframesOpen(true);
        const zone = zoneIdFor(idPrefix, field === "startFrame" ? "start" : "end");
        requestAnimationFrame(() => document.getElementById(zone)?.focus());
        return;
      }
      // On a phone the settings live in the ⚙ sheet: it opens on the field.
      if (SETTING_FIELDS.has(field) && !window.matchMedia(WIDE_SCREEN).matches) {
        setSheetOpen(true);
        setTimeout(() => document.getElementById(`${sheetPrefix}-${field}`)?.focus(), 50);
        return;
      }
      document.getElementById(`${idPrefix}-${field}`)?.focus();
    },
    [idPrefix, sheetPrefix],
  );

  const { handleSubmit, submitting, fieldErrors, clearFieldError, alert } = useComposerSubmit({
    caps,
    keyframes,
    values: { prompt, ...settings, loop, concepts: concepts.length ? concepts : undefined },
    focusField,
    onDone: (outcome) => {
      if (!outcome.ok) {
        if (outcome.recorded) onTaskRecorded?.();
        return;
      }
      onTaskRecorded?.(outcome.task);
      clearDraft([prompt, outcome.task.prompt]);
      onCreated?.(outcome.task);
    },
  });

  // A gallery card's "Use these settings" fills the form (keyframes included) and puts the cursor in the prompt.
  const { setUpload, setUrl, remove } = keyframes;
  useEffect(
    () =>
      onUseSettings((reused: ReusedSettings) => {
        reuse(reused);
        if (reused.concepts !== undefined) setConcepts(reused.concepts);
        for (const [slot, image] of [
          ["start", reused.startImage],
          ["end", reused.endImage],
        ] as const) {
          if (image === undefined) continue;
          if (image === null) remove(slot);
          else if (image.uploadId)
            setUpload(slot, { id: image.uploadId, url: image.url }, image.url.split("/").pop() ?? "");
          else setUrl(slot, image.url);
        }
        document.getElementById(composerIds(idPrefix).prompt)?.focus();
      }),
    [reuse, idPrefix, setUpload, setUrl, remove],
  );
  // An image's "Use as start / end keyframe" (gallery or viewer) fills that slot.
  useEffect(
    () =>
      onUseKeyframe(({ slot, upload, name }) => {
        setUpload(slot, upload, name);
        setKeyframesOpen(true);
        document.getElementById(zoneIdFor(idPrefix, slot))?.focus();
      }),
    [idPrefix, setUpload],
  );
  const [fromText, setFromText] = useState<Slot | null>(null);

  const openSlot = (slot: Slot) => !(slot === "end" && endBlockedReason);
  const take = (file: File, slot: Slot) => {
    const problem = checkKeyframeFile(file, t);
    if (problem) keyframes.setError(slot, problem);
    else {
      clearFieldError(slot === "start" ? "startFrame" : "endFrame");
      setKeyframesOpen(true);
      void keyframes.addFile(slot, file);
    }
  };
  const firstEmpty = (): Slot =>
    SLOTS.find((candidate) => openSlot(candidate) && !keyframes.slots[candidate].value) ?? "start";

  // An image dropped anywhere on the composer (not on a tile) goes to the first empty slot.
  const composerDrop = useDropzone({
    accept: KEYFRAME_ACCEPT,
    multiple: false,
    noClick: true,
    noKeyboard: true,
    onDrop: (accepted, rejections) => {
      const file = accepted[0] ?? rejections[0]?.file;
      if (file) take(file, firstEmpty());
    },
  });

  // A tile with focus handles its own paste (react-dropzone); anywhere else the image goes to the tile
  // the focus is in, or else to the first empty one.
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
    const slot: Slot = within === "start" || within === "end" ? within : firstEmpty();
    if (openSlot(slot)) take(file, slot);
  };

  const settingProblems = (
    ["model", "aspectRatio", "resolution", "duration", "loop", "concepts"] as const
  ).flatMap((field) =>
    fieldErrors[field] ? [{ id: `${idPrefix}-${field}-error`, message: fieldErrors[field] }] : [],
  );
  const hints = [loopBlockedReason, endBlockedReason].filter((hint): hint is string => Boolean(hint));
  // The ⚙ button says what will be made; the model is one tap further, in the sheet.
  const summary = [
    settings.aspectRatio,
    settings.resolution,
    /^(\d+)s$/.test(settings.duration)
      ? t("Form.durationSeconds", { seconds: Number.parseInt(settings.duration, 10) })
      : settings.duration,
  ].join(" · ");
  const settingsProps = {
    capabilities: caps,
    settings: { ...settings, loop },
    errors: fieldErrors,
    loopBlockedReason,
    onChange: (patch: Partial<typeof settings>) => {
      update(patch);
      for (const field of Object.keys(patch))
        if (field !== "expandPrompt") clearFieldError(field as FieldName);
    },
  };
  const keyframesId = `${idPrefix}-keyframes`;
  const camera = (variant: "chip" | "row", prefix: string) =>
    caps.concepts ? (
      <Suspense fallback={null}>
        <CameraMotion
          selected={concepts}
          variant={variant}
          error={fieldErrors.concepts}
          errorId={`${prefix}-concepts-error`}
          onChange={(next) => {
            setConcepts(next);
            clearFieldError("concepts");
          }}
        />
      </Suspense>
    ) : null;
  const shortfall = balanceShortfall(balance, durationSecondsOf(settings.duration));
  const balanceWarning = !shortfall
    ? null
    : shortfall.kind === "empty"
      ? t("Balance.empty")
      : t("Balance.lowCredits", {
          count: shortfall.amount,
          amount: format.number(shortfall.amount, { maximumFractionDigits: 1 }),
          seconds: shortfall.seconds,
        });

  return (
    <form {...composerFormProps(idPrefix, handleSubmit)} onPaste={onPaste}>
      <div
        {...composerDrop.getRootProps({
          className: "relative flex flex-col rounded-panel border border-line bg-surface p-2 sm:p-3",
        })}
      >
        <div className="flex flex-col gap-2 sm:flex-row sm:gap-4">
          <div id={keyframesId} className={`${keyframesOpen || anyKeyframe ? "flex" : "hidden"} sm:flex`}>
            <KeyframePair
              idPrefix={idPrefix}
              keyframes={keyframes}
              errors={fieldErrors}
              endBlockedReason={endBlockedReason}
              onChanged={(slot) => clearFieldError(slot === "start" ? "startFrame" : "endFrame")}
              onFromText={caps.images ? setFromText : undefined}
            />
          </div>
          <div className="flex min-w-0 flex-1 items-start gap-1">
            <button
              type="button"
              aria-expanded={keyframesOpen || anyKeyframe}
              aria-controls={keyframesId}
              aria-label={t("Composer.addKeyframes")}
              onClick={() => setKeyframesOpen((open) => !open)}
              className={`grid size-10 shrink-0 place-items-center rounded-full border border-line text-ink-muted focus-visible:outline-2 focus-visible:outline-accent sm:hidden ${keyframesOpen || anyKeyframe ? "bg-accent-soft text-ink" : "bg-canvas"}`}
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="size-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              >
                <path d="M12 5v14M5 12h14" />
              </svg>
            </button>
            <ComposerPrompt
              idPrefix={idPrefix}
              value={prompt}
              maxLength={caps.maxPromptLength}
              invalid={Boolean(fieldErrors.prompt)}
              onChange={(value) => {
                setPrompt(value);
                clearFieldError("prompt");
              }}
            />
          </div>
        </div>
        <div className="mt-2 flex items-center gap-2 sm:mt-3">
          <div className="hidden min-w-0 flex-1 flex-wrap items-center gap-1.5 sm:flex xl:gap-2">
            <SettingsFields idPrefix={idPrefix} variant="chip" {...settingsProps} />
            {camera("chip", idPrefix)}
          </div>
          <div className="flex min-w-0 flex-1 sm:hidden">
            <SettingsSheet
              open={sheetOpen}
              onOpenChange={setSheetOpen}
              summary={summary}
              motions={concepts.length}
            >
              <SettingsFields idPrefix={sheetPrefix} variant="row" {...settingsProps} />
              {camera("row", sheetPrefix)}
            </SettingsSheet>
          </div>
          <GenerateBar
            idPrefix={idPrefix}
            submitting={submitting}
            promptLength={prompt.length}
            maxLength={caps.maxPromptLength}
          />
        </div>
        <ComposerMessages
          alert={alert}
          problems={[
            ...promptProblems(idPrefix, fieldErrors.prompt),
            ...slotProblems(idPrefix, keyframes, fieldErrors, SLOTS, endBlockedReason),
            ...settingProblems,
          ]}
          hints={hints}
          warning={balanceWarning}
        />
        {composerDrop.isDragActive ? (
          <div className="pointer-events-none absolute inset-0 grid place-items-center rounded-panel border-2 border-dashed border-accent bg-accent-soft/90 text-sm font-medium text-ink">
            {t("Composer.dropHere")}
          </div>
        ) : null}
      </div>
      {fromText && caps.images ? (
        <Suspense fallback={null}>
          <KeyframeFromText
            slot={fromText}
            aspectRatio={settings.aspectRatio}
            models={caps.images.models}
            suggestion={prompt}
            onDone={(upload, made) => {
              clearFieldError(fromText === "start" ? "startFrame" : "endFrame");
              setUpload(fromText, upload, made);
            }}
            onClose={() => {
              const slot = fromText;
              setFromText(null);
              requestAnimationFrame(() => document.getElementById(zoneIdFor(idPrefix, slot))?.focus());
            }}
          />
        </Suspense>
      ) : null}
    </form>
  );
}
