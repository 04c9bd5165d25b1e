/** Dates and relative times in the page's language, straight from Intl (no library needed). */

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/**
 * Intl formatters are costly to build (a gallery of 200 cards asked for 400 a second); one per locale
 * and kind is kept.
 */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function kept<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let format = cache.get(locale);
  if (!format) {
    format = make();
    cache.set(locale, format);
  }
  return format;
}

/** "2 min ago", "2 分钟前", "just now"-style: the largest unit that fits, rounded. */
export function formatRelative(date: Date | string, now: number, locale: string): string {
  let value = (new Date(date).getTime() - now) / 1000;
  const format = kept(
    relativeFormats,
    locale,
    () => new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), "year");
}

export function formatDateTime(date: Date | string, locale: string): string {
  const format = kept(
    dateTimeFormats,
    locale,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
  );
  return format.format(new Date(date));
}
