import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "@/lib/server/security/gate";
import { passcodeRequired } from "@/lib/server/security/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  // Rendered per request: the CSP nonce is new each time.
  await connection();
  const next = safeNext((await searchParams).next);
  if (!passcodeRequired()) redirect(next);
  return (
    <main
      id="main"
      className="mx-auto flex min-h-dvh w-full max-w-sm flex-col justify-center gap-6 px-4 py-10"
    >
      <div className="flex flex-col gap-2">
        <h1 className="flex items-center gap-2 text-xl font-semibold tracking-tight">
          <span
            aria-hidden="true"
            className="inline-block size-6 rounded-md bg-gradient-to-br from-brand-400 to-brand-700"
          />
          Luma Studio
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          This studio is private. Enter the passcode its owner gave you.
        </p>
      </div>
      <SignInForm next={next} />
    </main>
  );
}
