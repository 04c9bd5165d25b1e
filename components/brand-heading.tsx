/** The brand mark (public/icon.svg), drawn inline so it needs no request and scales crisply. */
export function BrandMark({ className }: { className: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 512 512" className={className}>
      <defs>
        <linearGradient id="brand-mark" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#8b6cf8" />
          <stop offset="1" stopColor="#5a2fd6" />
        </linearGradient>
      </defs>
      <rect width="512" height="512" rx="112" fill="url(#brand-mark)" />
      <circle cx="256" cy="256" r="150" fill="none" stroke="#fff" strokeOpacity="0.32" strokeWidth="28" />
      <path
        d="M256 106a150 150 0 0 1 0 300"
        fill="none"
        stroke="#fff"
        strokeWidth="28"
        strokeLinecap="round"
      />
      <path d="M222 190v132a8 8 0 0 0 12 7l106-66a8 8 0 0 0 0-14l-106-66a8 8 0 0 0-12 7z" fill="#fff" />
    </svg>
  );
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
