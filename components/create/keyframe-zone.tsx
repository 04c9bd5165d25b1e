"use client";

import { useTranslations } from "next-intl";
import { type FileRejection, useDropzone } from "react-dropzone";
import { describeRejection, KEYFRAME_ACCEPT, KEYFRAME_MAX_BYTES, MAX_MB } from "@/lib/client/file-rules";
import { KeyframeProgress } from "./keyframe-progress";
import { KeyframeUrlInput } from "./keyframe-url-input";
import type { Slot, SlotState } from "./use-keyframes";

export interface KeyframeZoneProps {
  slot: Slot;
  /** "Start keyframe" or "End keyframe": the zone's accessible name. */
  label: string;
  zoneId: string;
  state: SlotState;
  /** A problem from submitting, shown with the zone's own upload errors. */
  error?: string;
  /** Set when the zone can't take an image now (e.g. loop is on); says why. */
  disabledReason?: string;
  onFile: (file: File) => void;
  onReject: (message: string) => void;
  onUrl: (url: string) => void;
  onRemove: () => void;
}

/** One keyframe: drop, paste (while focused), the file picker (click, Enter, Space) or a URL. */
export function KeyframeZone(props: KeyframeZoneProps) {
  const { slot, label, zoneId, state, disabledReason, onFile, onReject, onUrl, onRemove } = props;
  const t = useTranslations("Keyframe");
  const translate = useTranslations();
  const disabled = disabledReason !== undefined;
  const { getRootProps, getInputProps, isDragActive, isDragReject } = useDropzone({
    accept: KEYFRAME_ACCEPT,
    maxSize: KEYFRAME_MAX_BYTES,
    multiple: false,
    disabled,
    onDrop: (accepted: File[], rejections: FileRejection[]) => {
      const rejected = rejections[0];
      if (rejected) {
        const codes = rejections.flatMap((rejection) => rejection.errors.map((error) => error.code));
        onReject(describeRejection(rejected.file.name, codes, translate));
      } else if (accepted[0]) onFile(accepted[0]);
    },
  });
  const value = state.value;
  const error = props.error ?? state.error;
  const hintId = `${zoneId}-hint`;
  const errorId = `${zoneId}-error`;
  const highlight = isDragReject
    ? "border-red-500 bg-red-50 dark:bg-red-950/40"
    : isDragActive
      ? "border-brand-500 bg-brand-50 dark:bg-brand-700/20"
      : "border-zinc-300 hover:border-brand-400 dark:border-zinc-700";

  return (
    <div data-keyframe-slot={slot} className="flex min-w-0 flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{label}</span>
        {value ? (
          <button
            type="button"
            onClick={onRemove}
            aria-label={t("removeLabel", { label })}
            className="rounded-md px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            {t("remove")}
          </button>
        ) : null}
      </div>
      {/*
        The file input sits beside the zone, not in it (a button may not hold another control), and is
        hidden from assistive technology: the zone is the one control, and it opens this picker.
      */}
      <input {...getInputProps({ "aria-label": t("fileLabel", { label }), "aria-hidden": true })} />
      <div
        {...getRootProps({
          id: zoneId,
          role: "button",
          "aria-label": label,
          "aria-describedby": error ? `${errorId} ${hintId}` : hintId,
          "aria-invalid": error ? true : undefined,
        })}
        className={`relative grid h-40 w-full place-items-center sm:h-48 overflow-hidden rounded-xl border-2 border-dashed text-center transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 ${disabled ? "cursor-not-allowed opacity-60" : "cursor-pointer"} ${highlight}`}
      >
        {value ? (
          // biome-ignore lint/performance/noImgElement: local object URLs and arbitrary remote URLs can't go through next/image
          <img
            src={value.kind === "file" ? value.previewUrl : value.url}
            alt=""
            className="absolute inset-0 size-full bg-zinc-100 object-contain dark:bg-zinc-900"
          />
        ) : (
          <span className="flex flex-col items-center gap-1 px-3 text-sm text-zinc-600 dark:text-zinc-400">
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-6"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            >
              <rect x="3" y="4" width="18" height="16" rx="2" />
              <circle cx="9" cy="10" r="2" />
              <path d="m21 16-5-5-9 9" />
            </svg>
            <span>{disabled ? t("unavailable") : t("drop")}</span>
          </span>
        )}
      </div>
      <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
        {disabledReason ??
          (value?.kind === "file"
            ? `${value.name}${value.note ? ` · ${value.note}` : ""}${value.phase === "ready" ? ` · ${t("uploaded")}` : ""}`
            : value?.kind === "url"
              ? t("fromUrl")
              : t("hint", { mb: MAX_MB }))}
      </p>
      {value?.kind === "file" && value.phase !== "ready" ? (
        <KeyframeProgress label={label} value={value} />
      ) : null}
      <div aria-live="polite">
        {error ? (
          <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <KeyframeUrlInput label={label} disabled={disabled} onUrl={onUrl} onReject={onReject} />
    </div>
  );
}
