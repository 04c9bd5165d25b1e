"use client";

import { useTranslations } from "next-intl";
import { type FileRejection, useDropzone } from "react-dropzone";
import { describeRejection, KEYFRAME_ACCEPT, KEYFRAME_MAX_BYTES, MAX_MB } from "@/lib/client/file-rules";
import { KeyframeUrlPopover } from "./keyframe-url-popover";
import { SlotProgress } from "./slot-progress";
import type { Slot, SlotState } from "./use-keyframes";
import { FINE_POINTER, useMediaQuery } from "./use-media-query";

export interface KeyframeSlotProps {
  slot: Slot;
  /** "Start keyframe" or "End keyframe": the tile's accessible name. */
  label: string;
  zoneId: string;
  state: SlotState;
  /** The id of the problem shown under the composer, when there is one. */
  errorId?: string;
  /** Set when the slot can't take an image now (e.g. loop is on); says why. */
  disabledReason?: string;
  onFile: (file: File) => void;
  onReject: (message: string) => void;
  onUrl: (url: string, preview: string) => void;
  onUrlProblem: (message: string | null) => void;
  onRemove: () => void;
  /** Where the provider makes images: opens "Create from text" for this slot. */
  onFromText?: () => void;
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname : url);

/** One compact keyframe tile: drop, paste (while focused), the file picker (click, Enter, Space) or a link. */
export function KeyframeSlot(props: KeyframeSlotProps) {
  const { slot, label, zoneId, state, errorId, disabledReason } = props;
  const t = useTranslations("Keyframe");
  const c = useTranslations("Composer");
  const translate = useTranslations();
  const fine = useMediaQuery(FINE_POINTER);
  const disabled = disabledReason !== undefined;
  const { getRootProps, getInputProps, isDragActive, isDragReject } = useDropzone({
    accept: KEYFRAME_ACCEPT,
    maxSize: KEYFRAME_MAX_BYTES,
    multiple: false,
    disabled,
    // The composer around it is a drop target too; a drop on this tile is this tile's alone.
    noDragEventsBubbling: true,
    onDrop: (accepted: File[], rejections: FileRejection[]) => {
      const rejected = rejections[0];
      if (rejected) {
        const codes = rejections.flatMap((rejection) => rejection.errors.map((error) => error.code));
        props.onReject(describeRejection(rejected.file.name, codes, translate));
      } else if (accepted[0]) props.onFile(accepted[0]);
    },
  });
  const value = state.value;
  const hintId = `${zoneId}-hint`;
  const short = slot === "start" ? c("start") : c("end");
  const frame = slot === "start" ? c("firstFrame") : c("lastFrame");
  const hint =
    disabledReason ??
    (value?.kind === "file"
      ? `${value.name}${value.note ? ` · ${value.note}` : ""}${value.phase === "ready" ? ` · ${t("uploaded")}` : ""}`
      : value?.kind === "url"
        ? `${t("fromUrl")} · ${value.url}`
        : `${fine ? c("emptyFine", { frame }) : c("emptyTouch", { frame })} ${t("hint", { mb: MAX_MB })}`);
  // The tile under the caption shows the picture; the caption keeps saying which end it is (a file name
  // cut to five letters said less), and its tooltip names the file or the link's host.
  const source = value?.kind === "file" ? value.name : value?.kind === "url" ? hostOf(value.url) : null;
  const ring = isDragReject
    ? "border-danger bg-danger-soft"
    : isDragActive
      ? "border-accent bg-accent-soft"
      : value
        ? "border-line"
        : "border-dashed border-line-strong hover:border-accent";
  const preview = value?.kind === "file" ? value.previewUrl : (value?.preview ?? value?.url);

  return (
    <div data-keyframe-slot={slot} className="flex w-24 shrink-0 flex-col gap-1 sm:w-20">
      {/* The file input sits beside the tile (a button may not hold another control); the tile opens it. */}
      <input {...getInputProps({ "aria-label": t("fileLabel", { label }), "aria-hidden": true })} />
      <div className="relative">
        <div
          {...getRootProps({
            id: zoneId,
            role: "button",
            "aria-label": label,
            "aria-describedby": errorId ? `${errorId} ${hintId}` : hintId,
            "aria-invalid": errorId ? true : undefined,
          })}
          title={hint}
          className={`relative grid size-24 place-items-center overflow-hidden rounded-tile border bg-canvas text-ink-faint transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent sm:size-20 ${disabled ? "cursor-not-allowed opacity-50" : "cursor-pointer"} ${errorId ? "border-danger" : ring}`}
        >
          {value ? (
            // biome-ignore lint/performance/noImgElement: object URLs and data: previews can't go through next/image
            <img src={preview} alt="" className="absolute inset-0 size-full object-cover" />
          ) : (
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            >
              <rect x="3" y="4" width="18" height="16" rx="2" />
              <circle cx="9" cy="10" r="1.6" />
              <path d="m21 16-5-5-9 9" />
            </svg>
          )}
          {value?.kind === "file" && value.phase !== "ready" ? (
            <SlotProgress label={label} value={value} />
          ) : null}
        </div>
        {value ? (
          <button
            type="button"
            onClick={props.onRemove}
            aria-label={t("removeLabel", { label })}
            className="absolute -top-2 -right-2 grid size-6 place-items-center rounded-full border border-line bg-raised text-ink-muted shadow-sm hover:text-ink focus-visible:outline-2 focus-visible:outline-accent pointer-coarse:size-10"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="size-3.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
            >
              <path d="M6 6l12 12M18 6 6 18" />
            </svg>
          </button>
        ) : null}
      </div>
      <span id={hintId} className="sr-only">
        {hint}
      </span>
      <div className="flex h-6 items-center gap-0.5 pointer-coarse:h-10">
        <span className="min-w-0 flex-1 truncate text-xs text-ink-muted" title={source ?? undefined}>
          {short}
        </span>
        <KeyframeUrlPopover
          slot={slot}
          label={label}
          disabled={disabled}
          current={value?.kind === "url" ? value.url : ""}
          onUrl={props.onUrl}
          onProblem={props.onUrlProblem}
          onFromText={props.onFromText}
        />
      </div>
    </div>
  );
}
