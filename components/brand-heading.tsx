/**
 * The brand mark is public/icon.svg, the favicon the browser fetches anyway, shown as an image: drawn
 * inline it would ride in every page's first load (about 0.3 KB of the flight data, gzipped).
 */
function BrandMark({ className }: { className: string }) {
  // biome-ignore lint/performance/noImgElement: a 1 KB static SVG; next/image would only add a loader.
  return <img src="/icon.svg" alt="" width={24} height={24} decoding="async" className={className} />;
}

/**
 * The studio's name with its mark, as the header and the sign-in page show it. `compactName` hides the
 * name from sight (not from screen readers) on a phone, where the header needs the room.
 */
export function BrandHeading({
  className,
  compactName = false,
}: {
  className: string;
  compactName?: boolean;
}) {
  return (
    <h1 className={`flex items-center gap-2 font-semibold tracking-tight text-ink ${className}`}>
      <BrandMark className="size-6 shrink-0" />
      <span className={compactName ? "max-sm:sr-only" : undefined}>Luma Studio</span>
    </h1>
  );
}
