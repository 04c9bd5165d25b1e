"use client";

import { useTranslations } from "next-intl";
import { requestUseSettings, settingsOf } from "@/lib/client/use-settings-event";
import type { Task } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";

/** Fills the create form with this clip's prompt and settings. */
export function UseSettingsAction({ task }: { task: Task }) {
  const t = useTranslations("Actions");
  return (
    <button type="button" className={ACTION_CLASS} onClick={() => requestUseSettings(settingsOf(task))}>
      {t("useSettings")}
    </button>
  );
}
