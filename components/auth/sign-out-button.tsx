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
      className="h-9 whitespace-nowrap rounded-lg border border-zinc-300 px-2 text-xs font-medium text-zinc-700 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 disabled:opacity-60 sm:px-3 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900"
    >
      {busy ? busyLabel : label}
    </button>
  );
}
