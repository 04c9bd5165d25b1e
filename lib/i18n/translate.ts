import { createTranslator } from "next-intl";
import type { AppLocale } from "./locales";
import type { Messages, OnDemandNamespace } from "./messages";

/**
 * A translator over the whole catalog, as plain helpers (outside components) take it: a component passes
 * its `useTranslations()`; server code and tests use `translatorFor()`. Keys are checked against the
 * English catalog at compile time (lib/i18n/next-intl.d.ts), so a missing or misspelt key fails `tsc`.
 */
export type Translate = ReturnType<typeof createTranslator<Messages>>;

/** Any key of the catalog, written in full ("Keyframe.tooBig"). */
export type MessageKey = Parameters<Translate>[0];

/** A translator scoped to one namespace, as `useTranslations("Lineage")` gives. */
export type TranslateIn<Namespace extends keyof Messages> = ReturnType<
  typeof createTranslator<Messages, Namespace>
>;

/** The main catalog alone will do (tests of keys outside the on-demand parts pass just that). */
export function translatorFor(
  locale: AppLocale,
  messages: Omit<Messages, OnDemandNamespace> & Partial<Pick<Messages, OnDemandNamespace>>,
): Translate {
  return createTranslator({ locale, messages: messages as Messages });
}
