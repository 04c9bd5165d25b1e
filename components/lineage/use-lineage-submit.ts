"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { type FieldErrors, toFieldErrors } from "@/lib/client/field-errors";
import { continueGeneration, extendGeneration } from "@/lib/client/generations";
import { outcomeUnknown, SubmissionKeys } from "@/lib/client/idempotency";
import type { Translate } from "@/lib/i18n/translate";
import { ExtendGenerationSchema } from "@/lib/shared/generation-input";
import type { Task } from "@/lib/shared/task";

export type LineageMode = "extend" | "continue";

export interface LineageDraft {
  prompt: string;
  /** Extend only: after the clip (default) or before it. */
  direction?: "forward" | "backward";
  expandPrompt: boolean;
  endFrame: { uploadId: string } | { url: string } | null;
}

export interface LineageAlert {
  message: string;
  /** Set when the server suggests continuing from the last frame instead (the upstream forgot the clip). */
  suggestContinue: boolean;
}

function alertFor(error: unknown, t: Translate): LineageAlert {
  const suggestContinue = error instanceof ApiError && error.suggestion === "continue_from_last_frame";
  if (error instanceof ApiError && error.code === "upstream_rejected" && error.upstream) {
    return { message: t("Errors.refusedLineage", { reason: error.upstream }), suggestContinue };
  }
  return { message: describeError(error, t), suggestContinue };
}

/**
 * Submits an extension or a continuation with the create form's rules: one Idempotency-Key per distinct
 * content, kept only while the outcome is unknown, and no second request while one is in flight.
 */
export function useLineageSubmit(parent: Task) {
  const t = useTranslations();
  const keys = useRef(new SubmissionKeys());
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<LineageAlert | null>(null);

  const submit = useCallback(
    async (mode: LineageMode, draft: LineageDraft, pending: FieldErrors): Promise<Task | null> => {
      if (inFlight.current) return null;
      setAlert(null);
      // Extend and continue take the same fields from this dialog; the extend schema checks them for both.
      const parsed = ExtendGenerationSchema.safeParse(draft);
      if (!parsed.success || Object.keys(pending).length > 0) {
        const fields: Record<string, string> = {};
        for (const issue of parsed.error?.issues ?? []) fields[issue.path.join(".")] ??= issue.message;
        setFieldErrors({ ...toFieldErrors(fields, undefined, t).errors, ...pending });
        return null;
      }
      setFieldErrors({});
      inFlight.current = true;
      setSubmitting(true);
      const input = parsed.data;
      try {
        // The mode is part of the content: the same prompt as extension and as continuation are two submits.
        const key = keys.current.keyFor({ mode, parent: parent.id, input });
        const task =
          mode === "extend"
            ? await extendGeneration(parent.id, input, key)
            : await continueGeneration(
                parent.id,
                {
                  prompt: input.prompt,
                  expandPrompt: input.expandPrompt,
                  endFrame: input.endFrame,
                  loop: false,
                },
                key,
              );
        keys.current.settle();
        if (task.state === "failed") {
          setAlert({
            message: t("Errors.refusedLineage", { reason: task.failureReason ?? t("Errors.noReason") }),
            suggestContinue: false,
          });
          return null;
        }
        return task;
      } catch (error) {
        if (!outcomeUnknown(error)) keys.current.settle();
        const { errors, other } =
          error instanceof ApiError
            ? toFieldErrors(error.fields, error.message, t)
            : { errors: {}, other: [] };
        setFieldErrors(errors);
        if (Object.keys(errors).length === 0 || other.length > 0) setAlert(alertFor(error, t));
        return null;
      } finally {
        inFlight.current = false;
        setSubmitting(false);
      }
    },
    [parent.id, t],
  );

  return { submit, submitting, fieldErrors, setFieldErrors, alert, setAlert };
}
