"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * Older clips load when this comes near the screen (infinite scroll); the button stays for keyboards,
 * and for browsers where the observer never fires.
 */
export function LoadMore({ loading, onLoad }: { loading: boolean; onLoad: () => void }) {
  const t = useTranslations("Gallery");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || loading) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onLoad();
      },
      { rootMargin: "400px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [loading, onLoad]);
  return (
    <div ref={ref} className="mt-6 flex justify-center">
      <button
        type="button"
        onClick={onLoad}
        disabled={loading}
        className="inline-flex h-10 items-center rounded-full border border-line-strong px-4 text-sm font-medium text-ink hover:bg-raised focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60"
      >
        {loading ? t("loadingMore") : t("loadMore")}
      </button>
    </div>
  );
}
