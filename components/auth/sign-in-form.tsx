"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useId, useRef, useState } from "react";
import { ApiError, apiErrorFrom, parseJson } from "@/lib/client/api";

/** The passcode form: one field, errors said next to it and announced, focus kept on the field. */
export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("SignIn");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const passcode = input.current?.value ?? "";
    if (!passcode) {
      setError(t("enterPasscode"));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ passcode }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      throw await apiErrorFrom(
        response.status,
        parseJson(await response.text()),
        response.headers.get("retry-after"),
      );
    } catch (caught) {
      setError(refusal(caught, t));
      input.current?.select();
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {t("passcode")}
        </label>
        <input
          ref={input}
          id={id}
          name="passcode"
          type="password"
          autoComplete="current-password"
          // biome-ignore lint/a11y/noAutofocus: the page has one job, and the field is its first stop
          autoFocus
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900"
        />
        <p id={`${id}-error`} role="alert" className="min-h-5 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60"
      >
        {busy ? t("signingIn") : t("signIn")}
      </button>
    </form>
  );
}

/** The server's refusal in the page's language: a wrong passcode, the throttle, or anything else it said. */
function refusal(caught: unknown, t: ReturnType<typeof useTranslations<"SignIn">>): string {
  if (!(caught instanceof ApiError) || caught.code === "network") return t("unreachable");
  if (caught.code === "unauthorized") return t("wrong");
  if (caught.code === "rate_limited") {
    return t("tooMany", { seconds: Math.max(1, Math.ceil(caught.retryAfterSeconds ?? 60)) });
  }
  return caught.message;
}
