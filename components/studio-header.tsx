import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/locales";
import { passcodeRequired } from "@/lib/server/security/session";
import { AccountBalance } from "./account-balance";
import { SignOutButton } from "./auth/sign-out-button";
import { BoardsNav } from "./boards/boards-nav";
import { BrandHeading } from "./brand-heading";
import { LocaleSwitch } from "./locale-switch";
import { type ProviderName, ProviderStatus } from "./provider-status";

/**
 * The studio's one header row: brand · provider status · balance · boards · language · sign out. It never wraps:
 * on a phone the name, the language label and the sign-out words give way to the mark, the select and
 * an icon, so every control keeps a 40 px target on one line.
 */
export async function StudioHeader({ provider }: { provider: ProviderName }) {
  const [t, locale] = await Promise.all([getTranslations("Header"), getLocale()]);
  return (
    <header className="border-b border-line bg-surface/85 backdrop-blur supports-[backdrop-filter]:bg-surface/70">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-tile focus:bg-accent focus:px-3 focus:py-2 focus:text-accent-ink"
      >
        {t("skip")}
      </a>
      <div className="mx-auto flex h-14 w-full max-w-screen-2xl items-center gap-2 px-3 sm:gap-3 sm:px-6">
        <BrandHeading className="shrink-0 whitespace-nowrap text-base" compactName />
        {/* On a phone the two chips share one pill, so the row keeps its room for the controls. */}
        <div className="flex min-w-0 items-center gap-2 max-sm:gap-0 max-sm:rounded-full max-sm:border max-sm:border-line">
          <ProviderStatus provider={provider} />
          <AccountBalance />
        </div>
        <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
          <BoardsNav />
          <LocaleSwitch locale={isLocale(locale) ? locale : "en"} label={t("language")} />
          {passcodeRequired() ? <SignOutButton label={t("signOut")} busyLabel={t("signingOut")} /> : null}
        </div>
      </div>
    </header>
  );
}
