/**
 * A part of the page loaded on demand (a Radix menu, the browser's schemas): its module is asked for
 * when first needed or earlier, when the creator's pointer or focus comes near its control, or when
 * the page is idle after hydration, so a first open rarely waits. A failed load (the network) is tried
 * again on the next call.
 */
export interface LazyPart<M> {
  /** Starts loading (once); resolves with the module. */
  load: () => Promise<M>;
  /** The module once loaded, else null: lets a control render it in the same event as the click. */
  loaded: () => M | null;
  /** Loads it when the browser is next idle. */
  loadWhenIdle: () => void;
}

export function lazyPart<M>(importer: () => Promise<M>): LazyPart<M> {
  let module: M | null = null;
  let loading: Promise<M> | undefined;
  let idleAsked = false;
  const load = () => {
    loading ??= importer().then(
      (loadedModule) => {
        module = loadedModule;
        return loadedModule;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return {
    load,
    loaded: () => module,
    loadWhenIdle: () => {
      if (idleAsked) return;
      idleAsked = true;
      onIdle(() => void load().catch(() => {}));
    },
  };
}

/** Runs `task` when the browser is idle (within 3 s at most), or soon where it has no idle callback. */
export function onIdle(task: () => void): void {
  if (typeof window === "undefined") return;
  if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(task, { timeout: 3000 });
  else setTimeout(task, 200);
}

/** The handlers that start loading a part as the creator's pointer, focus or touch reaches its control. */
export function preloadProps(preload: () => void) {
  return { onPointerEnter: preload, onFocus: preload, onTouchStart: preload };
}
