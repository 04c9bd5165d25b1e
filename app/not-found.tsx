import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title"), robots: { index: false } };
}

/**
 * Any unknown page, in the visitor's language; rendered per request, so it carries the CSP nonce. In the
 * design's tokens (accent, ink-muted), which also follow the dark scheme; Next embeds this tree in every
 * studio page's flight data (a not-found boundary per layout), so it stays small.
 */
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-4 py-10 text-center"
    >
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-ink-muted">{t("body")}</p>
      <p>
        <a
          href="/"
          className="inline-block rounded-full bg-accent px-4 py-2 font-medium text-accent-ink hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
        >
          {t("back")}
        </a>
      </p>
    </main>
  );
}
