"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { preloadSchemas } from "@/lib/client/load-schemas";

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, refetchOnWindowFocus: true, retry: 1 } },
      }),
  );
  // The schemas that check the studio's answers are no part of the first load; they come at idle time
  // (or with the first answer, whichever is sooner).
  useEffect(preloadSchemas, []);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
