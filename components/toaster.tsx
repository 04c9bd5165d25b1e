"use client";

import dynamic from "next/dynamic";

/**
 * Sonner's toaster, loaded after the page is interactive: no toast can be needed before that, and its
 * code stays out of the first-load budget. `lib/client/toast.ts` loads the same chunk to show one.
 */
export const LazyToaster = dynamic(() => import("./studio-toaster").then((module) => module.StudioToaster), {
  ssr: false,
});
