import type { AppLocale } from "./locales";

/** Messages are imported per language so a request only loads the catalog it speaks. */
export async function loadMessages(locale: AppLocale) {
  return locale === "zh-CN"
    ? (await import("../../messages/zh-CN.json")).default
    : (await import("../../messages/en.json")).default;
}

export type Messages = Awaited<ReturnType<typeof loadMessages>>;

/**
 * What client components need. The share page (server-rendered HTML) and the page metadata stay on
 * the server, so their strings never reach the browser.
 */
export const CLIENT_NAMESPACES = [
  "Form",
  "Keyframe",
  "Composer",
  "Problems",
  "Errors",
  "Gallery",
  "Empty",
  "Card",
  "Cards",
  "Time",
  "Actions",
  "Lineage",
  "Boards",
  "Edit",
  "Balance",
  "Import",
] as const;
