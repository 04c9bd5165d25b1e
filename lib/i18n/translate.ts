import { type AbstractIntlMessages, createTranslator } from "next-intl";

/**
 * The shape of a next-intl translator as plain helpers (outside components) take it: a component
 * passes its `useTranslations()` function; server code and tests use `translatorFor()`.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translatorFor(locale: string, messages: AbstractIntlMessages): Translate {
  // next-intl types keys from a catalog's static shape; this one is chosen at run time, so keys are strings.
  return createTranslator({ locale, messages }) as unknown as Translate;
}
