import type en from "@/messages/en.json";
import type parts from "@/messages/parts/en.json";
import type { AppLocale } from "./locales";

// Type-checks every translation key against the English catalog and its on-demand parts (zh-CN is held to
// the same keys by lib/i18n/messages.test.ts).
declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: typeof en & typeof parts;
  }
}
