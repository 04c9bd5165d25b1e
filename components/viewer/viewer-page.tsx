"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { Task } from "@/lib/shared/task";
import { ClipViewer } from "./clip-viewer";
import { CLOSE_CLASS, CLOSE_LABEL_CLASS, CloseIcon } from "./close-button";
import { handSettingsToStudioPage } from "./use-settings-handoff";
import { useViewerClips } from "./use-viewer-clips";

/** A clip's own page (`/clips/{id}` opened directly): the viewer full screen; closing goes to the studio. */
export function ViewerPage({ initialTask }: { initialTask: Task }) {
  const t = useTranslations("Viewer");
  const router = useRouter();
  const stage = useRef<HTMLElement>(null);
  const home = () => router.push("/");
  const clips = useViewerClips({ id: initialTask.id, task: initialTask }, home);

  useEffect(() => {
    stage.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (document.querySelector("dialog[open], [role=menu]")) return;
      router.push("/");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);

  return (
    <main id="main" className="fixed inset-0 bg-black text-white">
      <ClipViewer
        clips={clips}
        stageRef={stage}
        closeControl={
          <Link href="/" className={CLOSE_CLASS}>
            <CloseIcon />
            <span className={CLOSE_LABEL_CLASS}>{t("backToClips")}</span>
          </Link>
        }
        onUseSettings={(task) => {
          home();
          handSettingsToStudioPage(task);
        }}
      />
    </main>
  );
}
