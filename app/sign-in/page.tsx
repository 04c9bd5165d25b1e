import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { BrandHeading } from "@/components/brand-heading";
import { safeNext } from "@/lib/server/security/gate";
import { passcodeRequired } from "@/lib/server/security/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Rendered per request: the CSP nonce is new each time.
  await connection();
  const next = safeNext((await searchParams).next);
  if (!passcodeRequired()) redirect(next);
  const [t, locale, messages] = await Promise.all([getTranslations("SignIn"), getLocale(), getMessages()]);
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-6 px-4 py-10"
    >
      <div className="flex flex-col gap-2">
        <BrandHeading className="text-xl" />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("private")}</p>
      </div>
      {/* The form only needs its own strings: the studio's catalog stays out of this page. */}
      <NextIntlClientProvider locale={locale} messages={{ SignIn: messages.SignIn }}>
        <SignInForm next={next} />
      </NextIntlClientProvider>
    </main>
  );
}
