"use client";

import dynamic from "next/dynamic";
import { createContext, type ReactNode, useContext } from "react";

/**
 * Whether the provider lists an account's generations (`capabilities.importList`), told once by the studio
 * layout. The import's buttons, their sentences and what they run come on demand, and only where the
 * provider can list (./account-import), so a relay studio's first load carries none of it.
 */

const CanImportContext = createContext(false);

export function AccountImportProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  return <CanImportContext.Provider value={enabled}>{children}</CanImportContext.Provider>;
}

export function useCanImport(): boolean {
  return useContext(CanImportContext);
}

// In the browser only: a server-rendered button would do nothing until its part arrived.
const LazyImport = dynamic(() => import("./account-import"), { ssr: false });

/** The toolbar's import pill, or the empty gallery's import panel, where the provider can list. */
export function AccountImport({ variant }: { variant: "toolbar" | "empty" }) {
  if (!useCanImport()) return null;
  return <LazyImport variant={variant} />;
}
