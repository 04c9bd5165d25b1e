import { MODEL_NAMES } from "@/lib/luma/model-names";

/**
 * The names settings go by, shared by the form and the gallery's chips so both say "Ray 2", "5 s" and
 * "16:9" for the same choice. Durations need the page's language ("5 s" / "5 秒"), so the caller passes
 * the seconds through its own message.
 */

const MODEL_LABELS = new Map<string, string>(Object.entries(MODEL_NAMES));

/** "ray-2" → "Ray 2"; an id no provider names is shown as it is. */
export function modelLabel(id: string): string {
  return MODEL_LABELS.get(id) ?? id;
}

/** "5s" → 5, or null for a value that is not a whole number of seconds. */
export function durationSeconds(value: string): number | null {
  const match = /^(\d+)\s*s$/.exec(value.trim());
  return match ? Number(match[1]) : null;
}

/**
 * How long a clip is, in whole seconds, for its settings: the duration it asked for, else (an
 * extension asks for none: the upstream adds a segment to the parent's video) its video's length.
 * Null while neither is known, or for a duration that is not whole seconds.
 */
export function clipSeconds(clip: {
  duration: string | null;
  video: { durationSeconds: number | null } | null;
}): number | null {
  if (clip.duration) return durationSeconds(clip.duration);
  const length = clip.video?.durationSeconds;
  return length ? Math.max(1, Math.round(length)) : null;
}

/** "9:16" → 0.5625 (width / height), or null when the text is not a ratio. */
export function ratioValue(value: string | null | undefined): number | null {
  const match = value ? /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(value) : null;
  if (!match) return null;
  const ratio = Number(match[1]) / Number(match[2]);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : null;
}

/** A clip's shape: the video's own size once known, else the aspect ratio it was asked for, else 16:9. */
export function clipRatio(clip: {
  aspectRatio: string | null;
  video: { width: number | null; height: number | null } | null;
}): number {
  const { width, height } = clip.video ?? {};
  if (width && height) return width / height;
  return ratioValue(clip.aspectRatio) ?? 16 / 9;
}

/** "0:05", "1:02": a clip's length as players show it. */
export function clipLength(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
