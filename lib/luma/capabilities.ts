import {
  AGENTS_ASPECT_RATIOS,
  AGENTS_DURATIONS,
  PROMPT_MAX as AGENTS_PROMPT_MAX,
  AGENTS_RESOLUTIONS,
  RAY_3_2_ASPECT_RATIOS,
} from "./agents-schemas";
import { type KnownModel, MODEL_NAMES } from "./model-names";

/** What each upstream accepts, so the form offers only what the configured provider supports. */

export interface ModelOption {
  id: string;
  label: string;
}

export interface ProviderCapabilities {
  models: readonly ModelOption[];
  defaultModel: string;
  aspectRatios: readonly string[];
  resolutions: readonly string[];
  durations: readonly string[];
  maxPromptLength: number;
  minPromptLength: number;
  loop: boolean;
  /** Luma refuses `loop` together with an end frame. */
  loopWithEndFrame: boolean;
  /** Durations that cannot loop (Agents API: 10s); absent = every duration can. */
  loopDurationsExcluded?: readonly string[];
  /** High dynamic range output (needs HDR access on the account; cannot loop); absent = not offered. */
  hdr?: boolean;
  extend: boolean;
  /** An extension follows its parent's aspect ratio, so the form need not ask again. */
  extendKeepsAspectRatio: boolean;
  /** Several tasks in one query. */
  batch: boolean;
  webhooks: boolean;
  /** A separate call for a watermark-free download link. */
  downloadUrl: boolean;
  /** A listing of the account's generations, so clips made elsewhere (e.g. on Luma's site) can be imported. */
  importList: boolean;
  /** Camera motions (`concepts`) a create can ask for, listed by the upstream. */
  concepts: boolean;
  /** Stills made from text (official Photon), to use as keyframes; null where the provider makes none. */
  images: {
    models: readonly ModelOption[];
    defaultModel: string;
    aspectRatios: readonly string[];
    formats: readonly ("jpg" | "png")[];
    /** Content references per picture (style: one; character: as many photos of one person). */
    maxReferences: number;
  } | null;
  /** What can be made from a finished clip besides extending it; each empty or false where not offered. */
  edits: {
    /** Resolutions a clip can be upscaled to (only those above its own are offered). */
    upscale: readonly string[];
    audio: boolean;
    modify: boolean;
    /** Aspect ratios a clip can be reframed to (its own is never offered). */
    reframe: readonly string[];
    /** A new segment before the clip (reverse extend). */
    extendBackward: boolean;
    /** A bridge between two finished clips: from one's last frame to the other's first. */
    interpolate: boolean;
  };
}

/** A model as the picker offers it, under the studio's name for it. */
function named(id: KnownModel): ModelOption {
  return { id, label: MODEL_NAMES[id] };
}

export const RELAY_CAPABILITIES: ProviderCapabilities = Object.freeze({
  models: Object.freeze([named("ray-v1"), named("ray-v2")]),
  defaultModel: "ray-v2",
  aspectRatios: Object.freeze(["1:1", "4:3", "3:4", "16:9", "9:16"]),
  resolutions: Object.freeze(["720p", "1080p"]),
  durations: Object.freeze(["5s"]),
  maxPromptLength: 5000,
  minPromptLength: 1,
  loop: true,
  loopWithEndFrame: false,
  extend: true,
  extendKeepsAspectRatio: true,
  batch: true,
  webhooks: true,
  downloadUrl: true,
  importList: false,
  concepts: false,
  images: null,
  edits: Object.freeze({
    upscale: Object.freeze([]),
    audio: false,
    modify: false,
    reframe: Object.freeze([]),
    extendBackward: false,
    interpolate: false,
  }),
});

export const OFFICIAL_CAPABILITIES: ProviderCapabilities = Object.freeze({
  models: Object.freeze([named("ray-2"), named("ray-flash-2")]),
  defaultModel: "ray-2",
  aspectRatios: Object.freeze(["1:1", "4:3", "3:4", "16:9", "9:16", "21:9", "9:21"]),
  resolutions: Object.freeze(["540p", "720p", "1080p", "4k"]),
  durations: Object.freeze(["5s", "9s"]),
  maxPromptLength: 5000,
  minPromptLength: 3,
  loop: true,
  loopWithEndFrame: false,
  extend: true,
  extendKeepsAspectRatio: true,
  batch: false,
  webhooks: true,
  downloadUrl: false,
  importList: true,
  concepts: true,
  images: Object.freeze({
    models: Object.freeze([named("photon-1"), named("photon-flash-1")]),
    defaultModel: "photon-1",
    aspectRatios: Object.freeze(["1:1", "4:3", "3:4", "16:9", "9:16", "21:9", "9:21"]),
    formats: Object.freeze(["jpg", "png"] as const),
    maxReferences: 4,
  }),
  edits: Object.freeze({
    upscale: Object.freeze(["1080p", "4k"]),
    audio: true,
    modify: true,
    reframe: Object.freeze(["1:1", "4:3", "3:4", "16:9", "9:16", "21:9", "9:21"]),
    extendBackward: true,
    interpolate: true,
  }),
});

/**
 * The Luma Agents API (Ray 3.2, UPSTREAM.md §5). Not a provider yet: only its wire client exists. It polls
 * (no callbacks), lists nothing, reports no balance, and has no camera concepts.
 */
export const AGENTS_CAPABILITIES: ProviderCapabilities = Object.freeze({
  models: Object.freeze([named("ray-3.2")]),
  defaultModel: "ray-3.2",
  aspectRatios: Object.freeze([...RAY_3_2_ASPECT_RATIOS]),
  resolutions: Object.freeze([...AGENTS_RESOLUTIONS]),
  durations: Object.freeze([...AGENTS_DURATIONS]),
  maxPromptLength: AGENTS_PROMPT_MAX,
  minPromptLength: 1,
  loop: true,
  // The API documents no rule against it, but it is Luma's rule on the other surfaces; not yet tried here.
  loopWithEndFrame: false,
  loopDurationsExcluded: Object.freeze(["10s"]),
  hdr: true,
  extend: true,
  extendKeepsAspectRatio: true,
  batch: false,
  webhooks: false,
  downloadUrl: false,
  importList: false,
  concepts: false,
  images: Object.freeze({
    models: Object.freeze([named("uni-1"), named("uni-1-max")]),
    defaultModel: "uni-1",
    aspectRatios: Object.freeze([...AGENTS_ASPECT_RATIOS]),
    formats: Object.freeze(["jpg", "png"] as const),
    maxReferences: 9,
  }),
  edits: Object.freeze({
    upscale: Object.freeze([]),
    audio: false,
    modify: false,
    reframe: Object.freeze([]),
    extendBackward: true,
    interpolate: false,
  }),
});
