/** A quiet button in panels and dialogs (share, confirmations). */
export const SECONDARY_BUTTON =
  "inline-flex h-9 items-center justify-center rounded-md border border-line-strong pointer-coarse:h-10 px-3 text-sm font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";

/**
 * The frosted look of the controls on a card's poster, only while they are shown (the card hovered or
 * holding focus, its bar pinned by an open menu or popover; always on a touch screen): a hidden
 * control's backdrop filter still costs every frame of a 200-card gallery its compositing.
 */
export const ON_MEDIA_BLUR =
  "group-hover:backdrop-blur-sm group-focus-within:backdrop-blur-sm group-data-[pinned]/bar:backdrop-blur-sm [@media(hover:none)]:backdrop-blur-sm";

/** A pill on the media: readable over any poster, in both themes. Shown with the card's bar. */
export const ON_MEDIA_BUTTON = `inline-flex h-8 min-w-8 items-center justify-center gap-1 rounded-full bg-scrim px-2 text-xs @[13rem]/tile:px-3 font-medium text-white ${ON_MEDIA_BLUR} hover:bg-black/80 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent`;
