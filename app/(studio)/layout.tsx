import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";

// The studio's pages share a client-side query cache; public share pages do not load it.
export default function StudioLayout({ children }: { children: ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
