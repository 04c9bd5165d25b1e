import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES, type RouteNamespace } from "@/lib/i18n/messages";

/**
 * A route's own strings reach the browser only on that route: the studio page's first load carries
 * CLIENT_NAMESPACES alone; the clip routes add "Viewer", a board's page "BoardPage" (a provider
 * replaces its parent's messages, so the shared ones are passed on too).
 */
export async function RouteMessages({ add, children }: { add: RouteNamespace; children: ReactNode }) {
  const messages = await getMessages();
  const names = [...CLIENT_NAMESPACES, add] as const;
  return (
    <NextIntlClientProvider messages={Object.fromEntries(names.map((name) => [name, messages[name]]))}>
      {children}
    </NextIntlClientProvider>
  );
}
