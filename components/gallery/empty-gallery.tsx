export function EmptyGallery() {
  return (
    <div className="flex flex-col items-center justify-center rounded-2xl border border-dashed border-zinc-300 px-6 py-16 text-center dark:border-zinc-700">
      <div className="mb-4 grid size-12 place-items-center rounded-full bg-brand-50 text-brand-600 dark:bg-zinc-900 dark:text-brand-400">
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        >
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="M10 9.5v5l4.5-2.5z" fill="currentColor" stroke="none" />
        </svg>
      </div>
      <p className="text-base font-medium">No clips yet</p>
      <p className="mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        Write a prompt, add keyframes if you like, and press Generate. Every clip you make will appear here.
      </p>
    </div>
  );
}
