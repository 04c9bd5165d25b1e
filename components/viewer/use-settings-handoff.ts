import { requestUseSettings, settingsOf } from "@/lib/client/use-settings-event";
import type { Task } from "@/lib/shared/task";

const WAIT_FOR_FORM_MS = 5_000;

/**
 * "Use these settings" from a viewer opened on its own page: the create form is not mounted yet, so
 * the request waits until the studio page's prompt box exists (and its listener with it).
 */
export function handSettingsToStudioPage(task: Task): void {
  const settings = settingsOf(task);
  const started = performance.now();
  const attempt = () => {
    if (document.querySelector("#main textarea")) {
      // One more frame: the form subscribes in an effect after its first paint.
      requestAnimationFrame(() => requestAnimationFrame(() => requestUseSettings(settings)));
    } else if (performance.now() - started < WAIT_FOR_FORM_MS) {
      requestAnimationFrame(attempt);
    }
  };
  requestAnimationFrame(attempt);
}
