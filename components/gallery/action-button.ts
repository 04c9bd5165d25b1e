/** A quiet button in panels and dialogs (share, confirmations). */
export const SECONDARY_BUTTON =
  "inline-flex h-9 items-center justify-center rounded-md border border-line-strong pointer-coarse:h-10 px-3 text-sm font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";

/** A pill on the media: readable over any poster, in both themes. */
export const ON_MEDIA_BUTTON =
  "inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-full bg-scrim px-2 text-xs @[13rem]/tile:px-3 font-medium text-white backdrop-blur-sm hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent";
