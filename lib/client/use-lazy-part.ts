"use client";

import { useEffect, useState } from "react";
import type { LazyPart } from "./lazy-part";

/**
 * A lazy part's module for rendering: loads it when `wanted` (and at idle time in any case) and
 * re-renders once it is there; null until then.
 */
export function useLazyPart<M>(part: LazyPart<M>, wanted: boolean): M | null {
  const [module, setModule] = useState<M | null>(part.loaded);
  useEffect(() => part.loadWhenIdle(), [part]);
  useEffect(() => {
    if (!wanted || module) return;
    let live = true;
    part.load().then(
      (loaded) => {
        if (live) setModule(() => loaded);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [part, wanted, module]);
  return module ?? part.loaded();
}
