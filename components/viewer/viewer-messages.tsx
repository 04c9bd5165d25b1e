import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { CLIENT_NAMESPACES } from "@/lib/i18n/messages";

/**
 * The viewer's strings reach the browser only with the viewer: the studio page's first load carries
 * CLIENT_NAMESPACES alone, and the clip routes add "Viewer" to them (a provider replaces, not merges).
 */
export async function ViewerMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages();
  const names = [...CLIENT_NAMESPACES, "Viewer"] as const;
  return (
    <NextIntlClientProvider messages={Object.fromEntries(names.map((name) => [name, messages[name]]))}>
      {children}
    </NextIntlClientProvider>
  );
}
