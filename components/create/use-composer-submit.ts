"use client";

import { useTranslations } from "next-intl";
import type { FieldErrors, FieldName } from "@/lib/client/field-errors";
import { sentenceFor } from "@/lib/client/field-errors";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { type Outcome, useCreateSubmit } from "./use-create-submit";
import { type Keyframes, keyframeInput } from "./use-keyframes";

const FIELD_ORDER: readonly FieldName[] = [
  "prompt",
  "startFrame",
  "endFrame",
  "model",
  "aspectRatio",
  "resolution",
  "duration",
  "loop",
  "concepts",
];

export interface ComposerSubmitOptions {
  caps: ProviderCapabilities;
  keyframes: Keyframes;
  /** The prompt and settings as the composer shows them (loop already off where it can't be on). */
  values: Record<string, unknown>;
  focusField: (field: FieldName) => void;
  onDone: (outcome: Outcome) => void;
}

/** Submit with the keyframes as the API takes them; a refused field gets the focus. */
export function useComposerSubmit({ caps, keyframes, values, focusField, onDone }: ComposerSubmitOptions) {
  const t = useTranslations();
  const submitting = useCreateSubmit(caps);
  const handleSubmit = async () => {
    const pending: FieldErrors = {};
    const start = keyframeInput(keyframes.slots.start);
    const end = keyframeInput(keyframes.slots.end);
    if (start.problem) pending.startFrame = sentenceFor("startFrame", start.problem, t);
    if (end.problem) pending.endFrame = sentenceFor("endFrame", end.problem, t);
    const outcome = await submitting.submit(
      { ...values, startFrame: start.input, endFrame: end.input },
      pending,
    );
    if (!outcome) return;
    onDone(outcome);
    if (outcome.ok) return;
    const first = FIELD_ORDER.find((field) => outcome.errors[field]);
    if (first) focusField(first);
  };
  return { ...submitting, handleSubmit };
}
