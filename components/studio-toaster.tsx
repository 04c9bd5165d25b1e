"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { Toaster } from "sonner";
import { TOAST_MS } from "@/lib/client/toast";

const WIDE = "(min-width: 640px)";
/** The viewer's top bar on a phone: 12 px from the top, 44 px tall (Close, the count and its arrows). */
const VIEWER_BAR_PX = 56;
/** One query list for the page: React reads the snapshot on every render of the toaster. */
let wideQuery: MediaQueryList | undefined;
const wideList = () => {
  wideQuery ??= window.matchMedia(WIDE);
  return wideQuery;
};
function subscribe(onChange: () => void) {
  const query = wideList();
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Toasts keep clear of the composer (on top) and of the cards' actions (on each tile's top edge):
 * bottom-right on a desktop, top centre on a phone (below 640 px), briefly; over the viewer on a phone,
 * below its top bar, so Close and the arrows stay in reach. The theme follows the system like the rest
 * of the studio. On a phone a toast is swiped away rather than closed by a button too small to tap. They are for the eye: the same result is spoken once by the
 * studio's live region (components/announcer.tsx), so sonner's own region is switched off (it stays a
 * landmark that its hotkey focuses).
 */
export function StudioToaster() {
  const wide = useSyncExternalStore(
    subscribe,
    () => wideList().matches,
    () => true,
  );
  const overViewer = usePathname().startsWith("/clips/");
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Sonner renders its <section aria-live> once and never sets the attribute again.
    box.current?.querySelector("section[aria-live]")?.setAttribute("aria-live", "off");
  });
  return (
    <div ref={box} className="contents">
      <Toaster
        position={wide ? "bottom-right" : "top-center"}
        richColors
        closeButton={wide}
        theme="system"
        // Both of the studio's languages write left to right. Without it sonner asks getComputedStyle on
        // every render, which made the browser recompute the whole gallery's style each time a clip
        // finished (the toast's render sat between the live feed's answer and the video on screen).
        dir="ltr"
        duration={TOAST_MS}
        offset={16}
        mobileOffset={{ top: overViewer ? VIEWER_BAR_PX + 8 : 8, left: 8, right: 8 }}
      />
    </div>
  );
}
