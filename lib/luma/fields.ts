import type { WireMedia } from "./schemas";

/* Small readers for individual wire fields; each answers null rather than guess. */

/** Watermark-free first; a watermarked file is the fallback and is also reported on its own. */
export function pickVideo(candidates: (string | null | undefined)[]) {
  const urls = candidates.filter(isHttpUrl);
  const watermarked = urls.find((url) => /watermark/i.test(url)) ?? null;
  const clean = urls.find((url) => !/watermark/i.test(url)) ?? null;
  return { videoUrl: clean ?? watermarked, watermarkedVideoUrl: watermarked };
}

export type MediaObject = Exclude<WireMedia, string | null | undefined>;
export const isMediaObject = (media: WireMedia): media is MediaObject =>
  typeof media === "object" && media !== null;
export const urlOf = (media: WireMedia) => (isMediaObject(media) ? media.url : media);
export const downloadOf = (media: WireMedia) => (isMediaObject(media) ? media.download_url : null);
export const isHttpUrl = (value: string | null | undefined): value is string =>
  typeof value === "string" && /^https?:\/\/\S+$/i.test(value.trim());
export const firstUrl = (values: (string | null | undefined)[]) => values.find(isHttpUrl) ?? null;
export const nonEmpty = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
export const positive = (n: number | null | undefined) =>
  typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null;
export const nonNegative = (n: number | null | undefined) =>
  typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : null;

/** ISO text or unix seconds (milliseconds if huge). The zero date `0001-01-01T00:00:00Z` means "unset". */
export function parseTime(value: string | number | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const numeric =
    typeof value === "number" ? value : /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : null;
  let ms: number;
  if (numeric !== null) ms = numeric > 1e12 ? numeric : numeric * 1000;
  else ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1971 || year > 9999 ? null : date;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
