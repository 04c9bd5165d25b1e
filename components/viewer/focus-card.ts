/**
 * After the viewer closes, focus goes to the gallery card of the clip it showed last (the one that
 * opened it, unless the creator moved on with the arrow keys), so the keyboard carries on from there.
 */
export function focusCardOf(id: string): boolean {
  const href = `/clips/${encodeURIComponent(id)}`;
  const links = [...document.querySelectorAll<HTMLAnchorElement>(`a[href="${CSS.escape(href)}"]`)].filter(
    (link) => !link.closest("[data-viewer]"),
  );
  // A card links to its own clip; other cards may link to it as their parent.
  const own = links.find((link) => link.closest(`[data-task-id="${CSS.escape(id)}"]`)) ?? links[0];
  if (!own) return false;
  own.focus({ preventScroll: true });
  own.scrollIntoView({ block: "nearest" });
  return true;
}
