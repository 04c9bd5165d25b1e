/**
 * The looks of the studio's Radix menus (a card's ⋯, the viewer's, the header's Boards, Add to board),
 * on the design tokens (docs/design.md): one item style, so a menu that mixes a clip's actions and its
 * boards reads as one list. Rows are 40 px, a thumb's reach on a phone.
 */

const MENU_BOX =
  "min-w-56 max-w-[min(20rem,calc(100vw-1rem))] rounded-panel border border-line bg-raised p-1 text-sm text-ink shadow-lg shadow-black/10 outline-none";

export const menuContent = `z-50 ${MENU_BOX}`;

/** The viewer's own menu: above the viewer (z-50), which is portalled after any menu it opens from. */
export const viewerMenuContent = `z-[60] ${MENU_BOX}`;

/** A submenu goes over the menu it opens from (on a phone it overlaps it), even the viewer's. */
export const subMenuContent = `z-[70] ${MENU_BOX}`;

export const menuItem =
  "relative flex min-h-10 cursor-default select-none items-center gap-2 rounded-md px-3 outline-none data-[disabled]:text-ink-faint data-[highlighted]:bg-accent-soft data-[highlighted]:text-ink";

/** Delete, last and in red. */
export const menuItemDanger = `${menuItem} text-danger data-[highlighted]:bg-danger-soft data-[highlighted]:text-danger`;

export const menuLabel = "px-3 pb-1 pt-2 text-xs font-medium text-ink-faint";

export const menuSeparator = "my-1 h-px bg-line";
