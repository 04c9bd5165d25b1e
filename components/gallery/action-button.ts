/** The look shared by every button and link in a card's action row. */
export const ACTION_CLASS =
  "rounded-lg border border-zinc-300 px-3 py-1.5 text-xs font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-800";
