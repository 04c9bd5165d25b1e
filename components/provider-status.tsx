import { getTranslations } from "next-intl/server";

const PROVIDER_KEY = { simulator: "simulator", relay: "relay", official: "official" } as const;
export type ProviderName = keyof typeof PROVIDER_KEY;

/**
 * Which upstream renders the clips, as a quiet chip: amber for the built-in simulator (nothing real is
 * spent), green for a real provider. On a phone only the dot and a short name remain.
 */
export async function ProviderStatus({ provider }: { provider: ProviderName }) {
  const t = await getTranslations("Header");
  const simulator = provider === "simulator";
  return (
    <span
      className="inline-flex h-7 min-w-0 items-center gap-1.5 whitespace-nowrap rounded-full border border-line px-2.5 text-xs font-medium text-ink-muted max-sm:h-6.5 max-sm:border-0"
      title={simulator ? t("simulatorTitle") : undefined}
    >
      <span
        aria-hidden="true"
        className={`size-2 shrink-0 rounded-full ${simulator ? "bg-warn" : "bg-ok"}`}
      />
      {simulator ? (
        <>
          <span className="sm:hidden">{t("simulatorShort")}</span>
          <span className="max-sm:hidden">{t("simulator")}</span>
        </>
      ) : (
        t(PROVIDER_KEY[provider])
      )}
    </span>
  );
}
