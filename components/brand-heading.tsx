/** The studio's name with its mark, as the header and the sign-in page show it. */
export function BrandHeading({ className }: { className: string }) {
  return (
    <h1 className={`flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span
        aria-hidden="true"
        className="inline-block size-6 rounded-md bg-gradient-to-br from-brand-400 to-brand-700"
      />
      Luma Studio
    </h1>
  );
}
