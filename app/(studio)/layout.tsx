import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { AccountImportProvider } from "@/components/account/import-context";
import { Announcer } from "@/components/announcer";
import { EditToolsProvider } from "@/components/edit/edit-tools";
import { QueryProvider } from "@/components/query-provider";
import { LazyToaster } from "@/components/toaster";
import { CLIENT_NAMESPACES } from "@/lib/i18n/messages";
import { provider } from "@/lib/server/upstream";

// The studio's pages share a client-side query cache; public share pages do not load it. Client
// components get only the message namespaces they use (see CLIENT_NAMESPACES). `modal` is the clip
// viewer opened over the page (app/(studio)/@modal/(.)clips/[id]); empty otherwise. The Announcer is the
// one live region results are spoken in (lib/client/toast.ts). The provider's tools (upscale, audio,
// modify) are told once, so every card and the viewer offer only those; so is whether the provider can
// list the account's clips for "Import from my Luma account".
export default async function StudioLayout({ children, modal }: { children: ReactNode; modal: ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((name) => [name, messages[name]]));
  return (
    <NextIntlClientProvider locale={locale} messages={clientMessages}>
      <QueryProvider>
        <EditToolsProvider edits={provider().capabilities.edits}>
          <AccountImportProvider enabled={provider().capabilities.importList}>
            {children}
            {modal}
          </AccountImportProvider>
        </EditToolsProvider>
      </QueryProvider>
      <Announcer />
      <LazyToaster />
    </NextIntlClientProvider>
  );
}
