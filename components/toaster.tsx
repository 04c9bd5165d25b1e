"use client";

import { lazy, Suspense, useEffect, useState } from "react";

const StudioToaster = lazy(() =>
  import("./studio-toaster").then((module) => ({ default: module.StudioToaster })),
);

/**
 * Sonner's toaster, imported only after hydration (never server-rendered, so its chunk is no script tag
 * in the page): no toast can be needed before that, and the first load has a budget.
 * `lib/client/toast.ts` loads the same module to show one.
 */
export function LazyToaster() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? (
    <Suspense fallback={null}>
      <StudioToaster />
    </Suspense>
  ) : null;
}
