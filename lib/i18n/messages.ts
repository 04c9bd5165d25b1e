import type { AppLocale } from "./locales";

/** Messages are imported per language so a request only loads the catalog it speaks. */
export async function loadMessages(locale: AppLocale) {
  // The on-demand parts (messages/parts/) are part of the catalog on the server; the browser gets them
  // only with the parts that use them.
  const [main, parts] =
    locale === "zh-CN"
      ? await Promise.all([import("../../messages/zh-CN.json"), import("../../messages/parts/zh-CN.json")])
      : await Promise.all([import("../../messages/en.json"), import("../../messages/parts/en.json")]);
  return { ...main.default, ...parts.default };
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
] as const;

/** Namespaces of one route's screens, added there by components/route-messages.tsx. */
export type RouteNamespace = "Viewer" | "BoardPage";

/**
 * Namespaces only parts loaded on demand use (a dialog's own sentences), kept in messages/parts/: they
 * come with the part (components/on-demand-messages.tsx), not in the studio page's first load.
 */
export const ON_DEMAND_NAMESPACES = [
  "EditDialog",
  "LineageDialog",
  "SharePanel",
  "Import",
  "Images",
  "Camera",
] as const;
export type OnDemandNamespace = (typeof ON_DEMAND_NAMESPACES)[number];
