"use client";

import { useState } from "react";

/**
 * Ends this browser's session (DELETE /api/session clears the cookie) and goes to the sign-in page.
 * Shown only when the studio has a passcode.
 */
export function SignOutButton({ label, busyLabel }: { label: string; busyLabel: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await fetch("/api/session", { method: "DELETE" });
        } finally {
          // Even if the answer was lost, the sign-in page is where a signed-out browser belongs; a
          // session that survived is simply let in again from there.
          window.location.assign("/sign-in");
        }
      }}
      className="inline-flex h-10 min-w-10 items-center justify-center gap-2 whitespace-nowrap rounded-tile px-2.5 text-sm font-medium text-ink-muted hover:bg-canvas hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:opacity-60"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
        className="size-4 sm:hidden"
      >
        <path d="M6 2.75H3.75a1 1 0 0 0-1 1v8.5a1 1 0 0 0 1 1H6M10.5 11 13.5 8l-3-3M13.25 8H6.5" />
      </svg>
      <span className="max-sm:sr-only">{busy ? busyLabel : label}</span>
    </button>
  );
}
