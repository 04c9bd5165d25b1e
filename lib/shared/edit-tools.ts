/**
 * The tools' names and the one rule cards need to offer them, without a schema: the gallery's first load
 * reads this, and zod stays out of it (the request schemas are in ./edit-input).
 */

export const EDIT_TOOLS = ["upscale", "audio", "modify", "reframe", "interpolate"] as const;
export type EditToolName = (typeof EDIT_TOOLS)[number];

/** Resolutions in increasing order, so an upscale offers only those above the clip's own. */
const RESOLUTION_ORDER = ["540p", "720p", "1080p", "4k"];

export function upscaleTargets(from: string | null, offered: readonly string[]): string[] {
  const rank = from ? RESOLUTION_ORDER.indexOf(from) : -1;
  return offered.filter((resolution) => RESOLUTION_ORDER.indexOf(resolution) > rank);
}
