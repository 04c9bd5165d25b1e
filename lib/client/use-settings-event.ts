import type { Task } from "@/lib/shared/task";

/**
 * "Use these settings": a gallery card hands a clip's prompt and settings to the create form. A typed
 * window event keeps the two apart (the form need not be an ancestor of the gallery, and neither
 * imports the other); the form listens while it is mounted.
 */

export interface ReusedSettings {
  prompt: string;
  /** Null leaves the form's current choice, as for the other settings (example prompts give none). */
  expandPrompt: boolean | null;
  loop: boolean | null;
  model: string | null;
  aspectRatio: string | null;
  resolution: string | null;
  duration: string | null;
  /** A clip's keyframes: undefined leaves the form's slots as they are, null empties the slot. */
  startImage?: Task["startImage"];
  endImage?: Task["endImage"];
  /** Camera motions: undefined leaves the form's as they are. */
  concepts?: string[];
}

const EVENT = "luma-studio:use-settings";

export function settingsOf(task: Task): ReusedSettings {
  return {
    prompt: task.prompt,
    expandPrompt: task.expandPrompt,
    loop: task.loop,
    model: task.model,
    aspectRatio: task.aspectRatio,
    resolution: task.resolution,
    duration: task.duration,
    startImage: task.startImage,
    endImage: task.endImage,
    concepts: task.concepts ?? [],
  };
}

export function requestUseSettings(settings: ReusedSettings): void {
  window.dispatchEvent(new CustomEvent<ReusedSettings>(EVENT, { detail: settings }));
}

/** Subscribes to requests; returns the unsubscribe function (for a React effect's cleanup). */
export function onUseSettings(listener: (settings: ReusedSettings) => void): () => void {
  const handle = (event: Event) => {
    if (event instanceof CustomEvent) listener(event.detail as ReusedSettings);
  };
  window.addEventListener(EVENT, handle);
  return () => window.removeEventListener(EVENT, handle);
}

/** "Use as start / end keyframe": an image (already an upload) goes into one of the composer's slots. */
export interface ReusedKeyframe {
  slot: "start" | "end";
  upload: { id: string; url: string };
  /** What the slot's caption says it is. */
  name: string;
}

const KEYFRAME_EVENT = "luma-studio:use-keyframe";

export function requestUseKeyframe(keyframe: ReusedKeyframe): void {
  window.dispatchEvent(new CustomEvent<ReusedKeyframe>(KEYFRAME_EVENT, { detail: keyframe }));
}

export function onUseKeyframe(listener: (keyframe: ReusedKeyframe) => void): () => void {
  const handle = (event: Event) => {
    if (event instanceof CustomEvent) listener(event.detail as ReusedKeyframe);
  };
  window.addEventListener(KEYFRAME_EVENT, handle);
  return () => window.removeEventListener(KEYFRAME_EVENT, handle);
}
