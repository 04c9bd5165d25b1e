import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("title"), robots: { index: false } };
}

/** Any unknown page, in the visitor's language; rendered per request, so it carries the CSP nonce. */
export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-4 px-4 py-10 text-center"
    >
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-400">404</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <p>
        <a
          href="/"
          className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500"
        >
          {t("back")}
        </a>
      </p>
    </main>
  );
}
