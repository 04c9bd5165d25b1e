"use client";

import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { ApiError, networkError } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { type FieldErrors, type FieldName, toFieldErrors } from "@/lib/client/field-errors";
import { createGeneration } from "@/lib/client/generations";
import { outcomeUnknown, SubmissionKeys } from "@/lib/client/idempotency";
import { loadSchemas } from "@/lib/client/load-schemas";
import { notify } from "@/lib/client/toast";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";

export type Outcome =
  | { ok: true; task: Task }
  /** `recorded`: the server kept the attempt as a failed clip, so the gallery has something new. */
  | { ok: false; errors: FieldErrors; recorded?: boolean };

export function useCreateSubmit(caps: ProviderCapabilities) {
  const t = useTranslations();
  const keys = useRef(new SubmissionKeys());
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);

  const clearFieldError = useCallback((field: FieldName) => {
    setFieldErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));
  }, []);

  const submit = useCallback(
    async (candidate: unknown, pending: FieldErrors): Promise<Outcome | null> => {
      // A second click before React re-renders the disabled button must not send anything.
      if (inFlight.current) return null;
      inFlight.current = true;
      setAlert(null);
      try {
        // The schemas are usually loaded by now (at idle time, or by the gallery's first answer).
        const { validateLocally } = await loadSchemas().catch(() => {
          throw networkError();
        });
        const { input, errors } = validateLocally(candidate, caps, t);
        const localErrors = { ...errors, ...pending };
        if (!input || Object.keys(localErrors).length > 0) {
          setFieldErrors(localErrors);
          return { ok: false, errors: localErrors };
        }
        setFieldErrors({});
        setSubmitting(true);
        const task = await createGeneration(input, keys.current.keyFor(input));
        keys.current.settle();
        if (task.state === "failed") {
          setAlert(t("Errors.refused", { reason: task.failureReason ?? t("Errors.noReason") }));
          return { ok: false, errors: {}, recorded: true };
        }
        // Said once, by a toast and the live region; nothing stays in the composer.
        notify("success", t("Form.toastStarted"), t("Form.started", { prompt: shortPrompt(input.prompt) }));
        return { ok: true, task };
      } catch (error) {
        if (!outcomeUnknown(error)) keys.current.settle();
        const { errors: serverErrors, other } =
          error instanceof ApiError
            ? toFieldErrors(error.fields, error.message, t)
            : { errors: {}, other: [] };
        setFieldErrors(serverErrors);
        const fieldsShown = Object.keys(serverErrors).length > 0 && other.length === 0;
        if (!fieldsShown) setAlert(describeError(error, t));
        return {
          ok: false,
          errors: serverErrors,
          recorded: error instanceof ApiError && Boolean(error.taskId),
        };
      } finally {
        inFlight.current = false;
        setSubmitting(false);
      }
    },
    [caps, t],
  );

  return { submit, submitting, fieldErrors, clearFieldError, setFieldErrors, alert };
}
