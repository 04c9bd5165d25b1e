/**
 * Shown under the header when the studio has no passcode and can be reached from other machines:
 * anyone who finds it can spend the owner's credits. Server-rendered, no script.
 */
export function OpenStudioWarning() {
  return (
    <div
      role="note"
      aria-label="Security warning"
      className="border-b border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="mx-auto w-full max-w-7xl px-4 py-2 text-sm sm:px-6">
        <strong className="font-semibold">This studio is open to anyone who can reach it.</strong> It listens
        on a network address without a passcode, so others could use your credits. Set{" "}
        <code className="rounded bg-red-100 px-1 font-mono text-xs dark:bg-red-900">STUDIO_PASSCODE</code> and
        restart, or listen on 127.0.0.1 only.
      </p>
    </div>
  );
}
