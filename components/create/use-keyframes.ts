"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, isAbort } from "@/lib/client/api";
import { KeyframeRejected } from "@/lib/client/keyframe-rejected";
import { uploadProblemSentence } from "@/lib/client/upload-problems";
import type { Translate } from "@/lib/i18n/translate";
import type { KeyframeInput } from "@/lib/shared/generation-input";

export type Slot = "start" | "end";
export const SLOTS: readonly Slot[] = ["start", "end"];

export type KeyframeValue =
  | {
      kind: "file";
      id: string;
      name: string;
      previewUrl: string;
      phase: "preparing" | "uploading" | "ready";
      progress: number;
      uploadId: string | null;
      note: string | null;
    }
  | { kind: "url"; id: string; url: string; preview: string | null };

type FileValue = Extract<KeyframeValue, { kind: "file" }>;

export interface SlotState {
  value: KeyframeValue | null;
  error: string | null;
  /** A file refused only for its size in pixels: the creator may have it downscaled and used. */
  downscalable?: File | null;
}

type Slots = Record<Slot, SlotState>;
const EMPTY: SlotState = { value: null, error: null };

/**
 * The image pipeline (header checks, downscale, upload with progress) is not part of the page's first
 * load: it is fetched once the browser is idle after hydration, or when a file arrives first.
 */
const loadPipeline = () =>
  Promise.all([import("@/lib/client/prepare-image"), import("@/lib/client/upload")]).then(
    ([prepare, upload]) => ({ ...prepare, ...upload }),
  );

let counter = 0;
const nextId = () => `keyframe-${++counter}`;

function describeFailure(error: unknown, fileName: string, t: Translate, locale: string): string {
  if (error instanceof KeyframeRejected && error.key === "Keyframe.tooBig") {
    const { width, height, megapixels } = error.values;
    const pixels = Number(width) * Number(height);
    // Over the pixel budget: the sentence names the megapixel limit; over a side only, both limits.
    if (pixels > Number(megapixels) * 1_000_000) {
      const actual = Math.round(pixels / 100_000) / 10;
      return t("Composer.tooManyPixels", { ...error.values, actual });
    }
  }
  if (error instanceof KeyframeRejected) return t(error.key, error.values);
  if (error instanceof ApiError) return uploadProblemSentence(fileName, error.message, t, locale);
  return t("Keyframe.uploadFailed", { name: fileName });
}

/** What the create API should receive for a slot, or why it can't be sent yet. */
export function keyframeInput(state: SlotState): { input: KeyframeInput | null; problem: string | null } {
  const value = state.value;
  if (!value) return { input: null, problem: null };
  if (value.kind === "url") return { input: { url: value.url }, problem: null };
  if (value.uploadId) return { input: { uploadId: value.uploadId }, problem: null };
  return { input: null, problem: "is still uploading; wait a moment and try again" };
}

/** Both keyframe slots: files are checked, shrunk and uploaded as soon as they arrive. */
export function useKeyframes() {
  const t = useTranslations();
  const locale = useLocale();
  const [slots, setSlots] = useState<Slots>({ start: EMPTY, end: EMPTY });
  const slotsRef = useRef(slots);
  slotsRef.current = slots;
  const uploads = useRef(new Map<string, AbortController>());

  const patchFile = useCallback(
    (id: string, patch: Partial<FileValue> | null, error: string | null = null) => {
      setSlots((previous) => {
        const next = { ...previous };
        for (const slot of SLOTS) {
          const value = previous[slot].value;
          if (value?.kind !== "file" || value.id !== id) continue;
          next[slot] = patch ? { value: { ...value, ...patch }, error: null } : { value: null, error };
        }
        return next;
      });
    },
    [],
  );

  const place = useCallback((slot: Slot, value: KeyframeValue | null) => {
    const previous = slotsRef.current[slot].value;
    if (previous) uploads.current.get(previous.id)?.abort();
    setSlots((current) => ({ ...current, [slot]: { value, error: null } }));
  }, []);

  const setError = useCallback((slot: Slot, error: string | null, downscalable: File | null = null) => {
    setSlots((current) => ({ ...current, [slot]: { ...current[slot], error, downscalable } }));
  }, []);

  const addFile = useCallback(
    async (slot: Slot, file: File, { downscale = false } = {}) => {
      type Pipeline = Awaited<ReturnType<typeof loadPipeline>>;
      let pipeline: Pipeline | undefined;
      let inspected: Awaited<ReturnType<Pipeline["inspectKeyframe"]>>;
      try {
        pipeline = await loadPipeline();
        inspected = await pipeline.inspectKeyframe(file, { allowLarge: downscale });
      } catch (error) {
        const shrinkable =
          error instanceof KeyframeRejected &&
          error.key === "Keyframe.tooBig" &&
          pipeline?.canDownscale({ width: Number(error.values.width), height: Number(error.values.height) });
        setError(slot, describeFailure(error, file.name, t, locale), shrinkable ? file : null);
        return;
      }
      if (!pipeline) return;
      const id = nextId();
      const controller = new AbortController();
      uploads.current.set(id, controller);
      const previewUrl = URL.createObjectURL(file);
      place(slot, {
        kind: "file",
        id,
        name: file.name,
        previewUrl,
        phase: "preparing",
        progress: 0,
        uploadId: null,
        note: null,
      });
      try {
        const prepared = await pipeline.prepareKeyframe(file, inspected);
        if (controller.signal.aborted) return;
        const note = prepared.downscaled
          ? t("Keyframe.resized", { width: prepared.width, height: prepared.height })
          : null;
        patchFile(id, { phase: "uploading", note });
        const answer = await pipeline.uploadImage(prepared.blob, prepared.type, {
          signal: controller.signal,
          onProgress: (progress) => patchFile(id, { progress }),
        });
        patchFile(id, { phase: "ready", progress: 1, uploadId: answer.id });
      } catch (error) {
        if (controller.signal.aborted || isAbort(error)) return;
        patchFile(id, null, describeFailure(error, file.name, t, locale));
      } finally {
        uploads.current.delete(id);
      }
    },
    [place, patchFile, setError, t, locale],
  );

  const setUrl = useCallback(
    (slot: Slot, url: string, preview: string | null = null) =>
      place(slot, { kind: "url", id: nextId(), url, preview }),
    [place],
  );

  /** An image already stored (the share target's `?start=`): shown from its stored copy, ready to send. */
  const setUpload = useCallback(
    (slot: Slot, upload: { id: string; url: string }, name: string) =>
      place(slot, {
        kind: "file",
        id: nextId(),
        name,
        previewUrl: upload.url,
        phase: "ready",
        progress: 1,
        uploadId: upload.id,
        note: null,
      }),
    [place],
  );
  const remove = useCallback((slot: Slot) => place(slot, null), [place]);
  const swap = useCallback(() => setSlots((current) => ({ start: current.end, end: current.start })), []);

  // Warm the image pipeline once the page is idle, so the first file does not wait for it.
  useEffect(() => {
    const warm = () => void loadPipeline().catch(() => undefined);
    if (typeof window.requestIdleCallback !== "function") {
      const timer = window.setTimeout(warm, 1000);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(warm, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }, []);

  // Object URLs for previews live exactly as long as a slot shows them.
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const live = new Set<string>();
    for (const slot of SLOTS) {
      const value = slots[slot].value;
      if (value?.kind === "file") live.add(value.previewUrl);
    }
    const shown = previews.current;
    for (const url of shown) {
      if (live.has(url)) continue;
      URL.revokeObjectURL(url);
      shown.delete(url);
    }
    for (const url of live) shown.add(url);
  }, [slots]);
  useEffect(() => {
    const active = uploads.current;
    const shown = previews.current;
    return () => {
      for (const controller of active.values()) controller.abort();
      for (const url of shown) URL.revokeObjectURL(url);
    };
  }, []);

  return { slots, addFile, setUrl, setUpload, remove, swap, setError };
}

export type Keyframes = ReturnType<typeof useKeyframes>;
