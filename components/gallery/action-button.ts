/** A quiet button in panels and dialogs (share, confirmations). */
export const SECONDARY_BUTTON =
  "inline-flex h-9 items-center justify-center rounded-md border border-line-strong pointer-coarse:h-10 px-3 text-sm font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";

/**
 * The frosted look of the controls on a card's poster, on a touch screen only, where they always show.
 * With a mouse they appear on hover and focus, and switching a backdrop filter on there made the browser
 * lay the whole multi-column gallery out again (a 200-card page spent its click's frame on it); the
 * scrim alone reads over any poster.
 */
export const ON_MEDIA_BLUR = "[@media(hover:none)]:backdrop-blur-sm";

/** A pill on the media: readable over any poster, in both themes. Shown with the card's bar. */
export const ON_MEDIA_BUTTON = `inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-full bg-scrim px-2 text-xs @[13rem]/tile:px-3 font-medium text-white ${ON_MEDIA_BLUR} hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent`;
