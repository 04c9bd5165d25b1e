"use client";

import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";
import { apiFetch } from "@/lib/client/api";
import { describeError } from "@/lib/client/error-text";
import { imageAsKeyframe, retryGeneration } from "@/lib/client/generations";
import { newIdempotencyKey } from "@/lib/client/idempotency";
import { notify } from "@/lib/client/toast";
import { requestUseKeyframe, requestUseSettings, settingsOf } from "@/lib/client/use-settings-event";
import { refreshBalance } from "@/lib/queries/balance";
import { removeTasks } from "@/lib/queries/merge";
import { taskKeys } from "@/lib/queries/tasks";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task, TaskPage } from "@/lib/shared/task";

/**
 * A clip's actions as hooks, shared by the gallery card and the viewer (contract C2): each says when it
 * applies, runs the request and tells the creator how it went.
 */

type Lists = InfiniteData<TaskPage, string | null>;

/** What a clip can do now: a failed clip offers only what can work (Retry, Use these settings, Delete). */
export function clipAbilities(task: Task) {
  const ready = task.state === "completed" && task.video !== null;
  // An image (Photon) is made to become a keyframe: that, share, download, boards and delete are what it offers.
  const picture = task.kind === "image" && task.state === "completed" && Boolean(task.image);
  return {
    extend: ready,
    continue: ready && task.lastFrame !== null,
    share: ready || picture,
    download: ready || picture,
    retry: task.state === "failed" && task.kind === "generate",
    addToBoard: task.state !== "failed",
    useAsKeyframe: picture,
    useSettings: task.kind !== "image",
  };
}

/** "Use as start / end keyframe": the image becomes an upload and goes into that slot of the composer. */
export function useImageAsKeyframe(task: Task) {
  const t = useTranslations();
  return useMutation({
    mutationFn: async (slot: "start" | "end") => ({ slot, upload: await imageAsKeyframe(task.id) }),
    onSuccess: ({ slot, upload }) => {
      requestUseKeyframe({ slot, upload: { id: upload.id, url: upload.url }, name: task.prompt });
      notify("success", slot === "start" ? t("Actions.keyframeSetStart") : t("Actions.keyframeSetEnd"));
    },
    onError: (error) => notify("error", t("Actions.keyframeFailed", { reason: describeError(error, t) })),
  });
}

function useDropFromLists() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.setQueriesData<Lists>({ queryKey: taskKeys.lists() }, (data) =>
      data ? removeTasks(data, [id]) : data,
    );
}

/** Retry: the server records the new clip and removes the failed one together, so no twin is left. */
export function useRetryClip(task: Task) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const drop = useDropFromLists();
  return useMutation({
    // A fresh key per click: this is a new clip, not a repeat of the failed request.
    mutationFn: () => retryGeneration(task.id, newIdempotencyKey()),
    onSuccess: () => {
      drop(task.id);
      refreshBalance(queryClient);
      notify("success", t("Actions.retryStarted"), t("Cards.retryReplaced"));
    },
    onError: (error) => notify("error", t("Actions.retryFailed", { reason: describeError(error, t) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}

/** Deletes the clip and its stored media; the caller confirms first. */
export function useDeleteClip(task: Task, onDeleted?: () => void) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const drop = useDropFromLists();
  return useMutation({
    mutationFn: () =>
      apiFetch(`/api/generations/${encodeURIComponent(task.id)}`, { method: "DELETE" }, (s) => s.AnyAnswer),
    onSuccess: () => {
      onDeleted?.();
      notify(
        "success",
        t("Actions.deleted"),
        t("Actions.announceDeleted", { prompt: shortPrompt(task.prompt) }),
      );
      drop(task.id);
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}

/** "Use these settings": the prompt, settings and keyframes go to the composer. */
export function useSettingsOf(task: Task): () => void {
  return () =>
    requestUseSettings({ ...settingsOf(task), startImage: task.startImage, endImage: task.endImage });
}

export function downloadHref(task: Task): string {
  return `/api/generations/${encodeURIComponent(task.id)}/download`;
}

const HOVER = "(hover: hover)";
function subscribeHover(onChange: () => void) {
  const query = window.matchMedia(HOVER);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the pointer can hover. Touch screens get no hover-only actions: the card's menu then holds
 * Extend and Share too. True on the server, so desktop markup is the first paint.
 */
export function useCanHover(): boolean {
  return useSyncExternalStore(
    subscribeHover,
    () => window.matchMedia(HOVER).matches,
    () => true,
  );
}
