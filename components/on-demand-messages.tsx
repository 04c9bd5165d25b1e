"use client";

import { type AbstractIntlMessages, NextIntlClientProvider, useLocale, useMessages } from "next-intl";
import { type ReactNode, use } from "react";
import type { OnDemandNamespace } from "@/lib/i18n/messages";

type Catalog = Record<string, AbstractIntlMessages>;

const catalogs = new Map<string, Promise<Catalog>>();

/**
 * The language's on-demand catalog (messages/parts/: ON_DEMAND_NAMESPACES only), fetched once, the first
 * time a part that needs it opens. The main catalogs stay out of the browser's bundles: they name
 * settings a bundle must never spell out.
 */
function catalogFor(locale: string): Promise<Catalog> {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = (
      locale === "zh-CN" ? import("../messages/parts/zh-CN.json") : import("../messages/parts/en.json")
    ).then((module) => module.default as Catalog);
    catalogs.set(locale, catalog);
  }
  return catalog;
}

/**
 * Messages a part loaded on demand brings with it (a dialog's own sentences), so the studio page's first
 * load carries only CLIENT_NAMESPACES. It suspends while the catalog arrives: use it under a Suspense, as
 * lazy parts already are. A provider replaces its parent's messages, so those are passed on too.
 */
export function OnDemandMessages({
  namespaces,
  children,
}: {
  namespaces: readonly OnDemandNamespace[];
  children: ReactNode;
}) {
  const locale = useLocale();
  const inherited = useMessages();
  const catalog = use(catalogFor(locale));
  const added = Object.fromEntries(namespaces.map((name) => [name, catalog[name] ?? {}]));
  return (
    <NextIntlClientProvider locale={locale} messages={{ ...inherited, ...added }}>
      {children}
    </NextIntlClientProvider>
  );
}
