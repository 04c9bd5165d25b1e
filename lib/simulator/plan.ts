import path from "node:path";
import { type EditJob, MEDIA_FILES, type RenderJob } from "./render";
import type { TaskStore } from "./store";
import { type Edit, type FrameRef, imageFormatOf, type TaskRecord } from "./types";

export interface RenderSettings {
  fps: number;
  /** Multiplies output dimensions; tests render small clips with it. */
  scale: number;
  /** Multiplies clip durations; tests render short clips with it. */
  durationScale: number;
  preset: string;
}

/** Turns a task into files for ffmpeg: its own keyframes, and frames or videos of the tasks it builds on. */
export function renderJob(task: TaskRecord, store: TaskStore, settings: RenderSettings): RenderJob {
  const framePath = (ref: FrameRef | null): string | null => {
    if (!ref) return null;
    if (ref.kind === "image") return path.join(store.mediaDir(task.id), ref.file);
    if (!store.get(ref.taskId)?.media) throw new Error(`frame source ${ref.taskId} is gone`);
    const file = ref.frame === "last" ? MEDIA_FILES.lastPng : MEDIA_FILES.firstPng;
    return path.join(store.mediaDir(ref.taskId), file);
  };
  const clip = (id: string | null) => {
    if (!id) return null;
    const media = store.get(id)?.media;
    if (!media) throw new Error(`parent ${id} is gone`);
    const file = path.join(store.mediaDir(id), MEDIA_FILES.clean);
    return { file, frames: Math.round(media.duration * settings.fps) };
  };
  return {
    outDir: store.mediaDir(task.id),
    width: task.width,
    height: task.height,
    fps: settings.fps,
    frames: Math.max(2, Math.round(task.durationSeconds * settings.durationScale * settings.fps)),
    prompt: task.prompt,
    loop: task.loop,
    start: framePath(task.start),
    end: framePath(task.end),
    before: clip(task.before),
    after: clip(task.after),
    preset: settings.preset,
  };
}

/** A derived generation's inputs all sit in its own folder (put there when it was created). */
export function editJob(task: TaskRecord, edit: Edit, store: TaskStore, settings: RenderSettings): EditJob {
  const dir = store.mediaDir(task.id);
  const own = (file: string | null) => (file ? path.join(dir, file) : null);
  return {
    outDir: dir,
    width: task.width,
    height: task.height,
    fps: settings.fps,
    prompt: task.prompt,
    edit,
    source: own("source" in edit ? edit.source : null),
    firstFrame: own(edit.op === "modify" ? edit.firstFrame : null),
    base: own(edit.op === "image" ? edit.base : null),
    sourceSeconds: task.durationSeconds,
    format: imageFormatOf(task),
    preset: settings.preset,
  };
}
