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
        className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        {loading ? t("loadingMore") : t("loadMore")}
      </button>
    </div>
  );
}
