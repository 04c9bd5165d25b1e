/** The studio's languages and how a request picks one. Pure, so the server, tests and scripts share it. */

export const LOCALES = ["en", "zh-CN"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";
/** The header's language switch writes this; it wins over the browser's Accept-Language. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: string | undefined | null): value is AppLocale {
  return LOCALES.includes(value as AppLocale);
}

/** Any Chinese tag (zh, zh-CN, zh-Hans, zh-TW…) reads Simplified Chinese best of what we have. */
function match(tag: string): AppLocale | null {
  const lower = tag.toLowerCase();
  if (lower === "zh" || lower.startsWith("zh-")) return "zh-CN";
  if (lower === "en" || lower.startsWith("en-")) return "en";
  return null;
}

/** The best of our languages for an Accept-Language header, by its q-values; English when none fits. */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = match(entry.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The language of a plain request (route handlers that answer HTML, like the share page). */
export function localeOfRequest(headers: Headers): AppLocale {
  const cookie = headers
    .get("cookie")
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return resolveLocale(cookie, headers.get("accept-language"));
}

export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): AppLocale {
  return isLocale(cookie) ? cookie : localeFromAcceptLanguage(acceptLanguage);
}
