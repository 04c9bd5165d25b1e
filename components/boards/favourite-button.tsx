"use client";

import { useTranslations } from "next-intl";
import { ON_MEDIA_BLUR } from "@/components/gallery/action-button";
import { useFavourite } from "@/lib/queries/boards";
import type { Task } from "@/lib/shared/task";
import { StarIcon } from "./icons";

/**
 * The star on a clip: a toggle button (aria-pressed) that flips at once and flips back with a toast
 * when the studio refuses. 40 px square, so a thumb hits it on a phone.
 */
const LOOKS = {
  panel: "size-10 text-ink-muted hover:bg-accent-soft hover:text-ink aria-pressed:text-accent",
  // On a poster: readable over any picture; shown on hover or focus unless starred, always on touch.
  // Frosted like the poster's other controls (ON_MEDIA_BLUR: on a touch screen only).
  media: `pointer-events-auto size-8 pointer-coarse:size-10 bg-scrim text-white ${ON_MEDIA_BLUR} hover:bg-black/80 aria-pressed:text-amber-300 opacity-0 aria-pressed:opacity-100 group-hover:opacity-100 group-focus-within:opacity-100 [@media(hover:none)]:opacity-100 motion-safe:transition-opacity`,
} as const;

export function FavouriteButton({
  task,
  className = "",
  look = "panel",
}: {
  task: Task;
  className?: string;
  look?: keyof typeof LOOKS;
}) {
  const t = useTranslations("Boards");
  const { favourite, toggle } = useFavourite(task);
  return (
    <button
      type="button"
      aria-pressed={favourite}
      aria-label={t("favourite")}
      title={t("favourite")}
      onClick={toggle}
      className={`inline-flex items-center justify-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${LOOKS[look]} ${className}`}
    >
      <StarIcon filled={favourite} className={look === "media" ? "size-4" : "size-5"} />
    </button>
  );
}
