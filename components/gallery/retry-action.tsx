"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { describeError } from "@/lib/client/error-text";
import { createGeneration } from "@/lib/client/generations";
import { newIdempotencyKey } from "@/lib/client/idempotency";
import { notify } from "@/lib/client/toast";
import { taskKeys } from "@/lib/queries/tasks";
import type { CreateGenerationInput, KeyframeInput } from "@/lib/shared/generation-input";
import type { Task } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";

function keyframe(image: Task["startImage"]): KeyframeInput | null {
  if (!image) return null;
  if (image.uploadId) return { uploadId: image.uploadId };
  return /^https?:\/\//.test(image.url) ? { url: image.url } : null;
}

/** The same request as the failed clip, sent again as a new clip. */
export function retryInput(task: Task): CreateGenerationInput {
  return {
    prompt: task.prompt,
    expandPrompt: task.expandPrompt,
    loop: task.loop,
    aspectRatio: task.aspectRatio ?? undefined,
    model: task.model ?? undefined,
    resolution: task.resolution ?? undefined,
    duration: task.duration ?? undefined,
    startFrame: keyframe(task.startImage),
    endFrame: keyframe(task.endImage),
  };
}

export function RetryAction({ task }: { task: Task }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const retry = useMutation({
    // A fresh key per click: this is a new clip, not a repeat of the failed request.
    mutationFn: () => createGeneration(retryInput(task), newIdempotencyKey()),
    onSuccess: () => notify("success", t("Actions.retryStarted")),
    onError: (error) => notify("error", t("Actions.retryFailed", { reason: describeError(error, t) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
  if (task.kind !== "generate" || task.state !== "failed") return null;
  return (
    <>
      <button
        type="button"
        className={ACTION_CLASS}
        disabled={retry.isPending}
        onClick={() => retry.mutate()}
      >
        {retry.isPending ? t("Actions.retrying") : t("Actions.retry")}
      </button>
      {retry.isError ? (
        <span role="alert" className="basis-full text-xs text-red-700 dark:text-red-300">
          {t("Actions.retryFailed", { reason: describeError(retry.error, t) })}
        </span>
      ) : null}
    </>
  );
}
