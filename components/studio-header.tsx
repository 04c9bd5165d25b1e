import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { passcodeRequired } from "@/lib/server/security/session";
import { SignOutButton } from "./auth/sign-out-button";
import { BrandHeading } from "./brand-heading";
import { LocaleSwitch } from "./locale-switch";

const PROVIDER_KEY = { simulator: "simulator", relay: "relay", official: "official" } as const;

export async function StudioHeader({ provider }: { provider: keyof typeof PROVIDER_KEY }) {
  const [t, locale] = await Promise.all([getTranslations("Header"), getLocale()]);
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/80">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-brand-600 focus:px-3 focus:py-2 focus:text-white"
      >
        {t("skip")}
      </a>
      <div className="mx-auto flex min-h-14 w-full max-w-7xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2 sm:px-6">
        <BrandHeading className="shrink-0 whitespace-nowrap text-base" />
        {/* On a narrow phone with every control present (passcode studio) this row wraps rather than overflows. */}
        <div className="ml-auto flex flex-wrap items-center justify-end gap-2 sm:gap-3">
          {provider === "simulator" ? (
            <span
              className="whitespace-nowrap rounded-full border border-amber-300 bg-amber-50 px-2 py-1 text-xs sm:px-3 font-medium text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
              title={t("simulatorTitle")}
            >
              <span className="sm:hidden">{t("simulatorShort")}</span>
              <span className="max-sm:hidden">{t("simulator")}</span>
            </span>
          ) : (
            <span className="whitespace-nowrap rounded-full border border-zinc-300 px-2 py-1 text-xs sm:px-3 font-medium text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
              {t(PROVIDER_KEY[provider])}
            </span>
          )}
          <LocaleSwitch locale={isLocale(locale) ? locale : "en"} label={t("language")} />
          {passcodeRequired() ? <SignOutButton label={t("signOut")} busyLabel={t("signingOut")} /> : null}
        </div>
      </div>
    </header>
  );
}
