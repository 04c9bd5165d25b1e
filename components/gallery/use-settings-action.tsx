"use client";

import { requestUseSettings, settingsOf } from "@/lib/client/use-settings-event";
import type { Task } from "@/lib/shared/task";
import { ACTION_CLASS } from "./action-button";

/** Fills the create form with this clip's prompt and settings. */
export function UseSettingsAction({ task }: { task: Task }) {
  return (
    <button type="button" className={ACTION_CLASS} onClick={() => requestUseSettings(settingsOf(task))}>
      Use these settings
    </button>
  );
}
