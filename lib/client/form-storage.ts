import type { ProviderCapabilities } from "@/lib/luma/capabilities";

/**
 * What the create form remembers in localStorage: the settings between visits, and the prompt draft
 * until a clip is created. Anything stored that the provider no longer offers falls back to a default.
 */

export interface CreateSettings {
  model: string;
  aspectRatio: string;
  resolution: string;
  duration: string;
  expandPrompt: boolean;
  loop: boolean;
}

const SETTINGS_KEY = "luma-studio:create-settings:v1";
const DRAFT_KEY = "luma-studio:create-draft:v1";

const TEXT_SETTINGS = ["model", "aspectRatio", "resolution", "duration"] as const;
const SWITCH_SETTINGS = ["expandPrompt", "loop"] as const;

/**
 * What was stored, when it has the settings' shape: an object whose known keys, where present, are
 * text (model, ratio, resolution, duration) or true/false (the two switches); other keys are dropped.
 * Null when anything is of the wrong kind. Checked by hand rather than with zod: it runs as the form
 * mounts, and zod is not in the studio page's first load.
 */
function storedSettings(stored: unknown): Partial<CreateSettings> | null {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return null;
  const record = stored as Record<string, unknown>;
  const saved: Partial<CreateSettings> = {};
  for (const key of TEXT_SETTINGS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== "string") return null;
    saved[key] = value;
  }
  for (const key of SWITCH_SETTINGS) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value !== "boolean") return null;
    saved[key] = value;
  }
  return saved;
}

const preferred = (options: readonly string[], wanted: string) =>
  options.includes(wanted) ? wanted : (options[0] ?? "");

export function defaultSettings(caps: ProviderCapabilities): CreateSettings {
  return {
    model: caps.defaultModel,
    aspectRatio: preferred(caps.aspectRatios, "16:9"),
    resolution: preferred(caps.resolutions, "720p"),
    duration: preferred(caps.durations, "5s"),
    expandPrompt: false,
    loop: false,
  };
}

export function reconcileSettings(stored: unknown, caps: ProviderCapabilities): CreateSettings {
  const base = defaultSettings(caps);
  const saved = storedSettings(stored);
  if (!saved) return base;
  const pick = (value: string | undefined, options: readonly string[], fallback: string) =>
    value !== undefined && options.includes(value) ? value : fallback;
  return {
    model: pick(
      saved.model,
      caps.models.map((model) => model.id),
      base.model,
    ),
    aspectRatio: pick(saved.aspectRatio, caps.aspectRatios, base.aspectRatio),
    resolution: pick(saved.resolution, caps.resolutions, base.resolution),
    duration: pick(saved.duration, caps.durations, base.duration),
    expandPrompt: saved.expandPrompt ?? base.expandPrompt,
    loop: caps.loop ? (saved.loop ?? base.loop) : false,
  };
}

/** localStorage throws in some private modes and when full; the form then simply forgets. */
function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not remembering is acceptable; losing the form is not.
  }
}

export function loadSettings(caps: ProviderCapabilities): CreateSettings {
  const raw = read(SETTINGS_KEY);
  let stored: unknown;
  try {
    stored = raw ? JSON.parse(raw) : undefined;
  } catch {
    stored = undefined;
  }
  return reconcileSettings(stored, caps);
}

export function saveSettings(settings: CreateSettings): void {
  write(SETTINGS_KEY, JSON.stringify(settings));
}

export function loadDraft(): string {
  return read(DRAFT_KEY) ?? "";
}

export function saveDraft(prompt: string): void {
  write(DRAFT_KEY, prompt === "" ? null : prompt);
}
