"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { requestUseSettings, settingsOf } from "@/lib/client/use-settings-event";
import { shortPrompt } from "@/lib/shared/short-prompt";
import type { Task } from "@/lib/shared/task";
import { ClipViewer } from "./clip-viewer";
import { CloseButton } from "./close-button";
import { focusCardOf } from "./focus-card";
import { useViewerClips } from "./use-viewer-clips";

/**
 * The viewer over the gallery (the intercepted `/clips/{id}`): a Radix dialog, so the page behind is
 * inert and focus stays inside. Closing goes Back to the page it was opened from, and focus lands on
 * the card of the clip shown last.
 */
export function ViewerDialog({ id, initialTask }: { id: string; initialTask: Task | null }) {
  const t = useTranslations("Viewer");
  const router = useRouter();
  const [open, setOpen] = useState(true);
  const stage = useRef<HTMLElement>(null);
  const close = () => {
    setOpen(false);
    router.back();
  };
  const clips = useViewerClips({ id, task: initialTask }, close);
  const shownId = useRef(clips.id);
  shownId.current = clips.id;

  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? null : close())}>
      <Dialog.Portal>
        {/* Opaque enough that the gallery behind reads as dark, without a full-screen backdrop filter: blurring
            the whole page cost every frame of the viewer its paint (and the click that opens it its frame). */}
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/85" />
        <Dialog.Content
          aria-describedby={undefined}
          className="fixed inset-0 z-50 bg-black/70 text-white focus:outline-none"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            stage.current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            if (focusCardOf(shownId.current)) event.preventDefault();
          }}
          onEscapeKeyDown={(event) => {
            // A dialog opened from the viewer (Extend, Delete) closes first, on its own.
            if (document.querySelector("dialog[open]")) event.preventDefault();
          }}
        >
          <Dialog.Title className="sr-only">
            {t("dialogTitle", { prompt: shortPrompt(clips.task?.prompt ?? "") })}
          </Dialog.Title>
          <ClipViewer
            clips={clips}
            stageRef={stage}
            detailsAfterStage
            closeControl={<CloseButton onClick={close} />}
            onUseSettings={(task) => {
              close();
              requestUseSettings(settingsOf(task));
            }}
            onKeyframeUsed={close}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
