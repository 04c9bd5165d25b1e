"use client";

import * as Popover from "@radix-ui/react-popover";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { apiFetch } from "@/lib/client/api";
import { CONCEPTS_MAX } from "@/lib/shared/generation-input";
import { OnDemandMessages } from "../on-demand-messages";
import { CAMERA_ICON } from "./settings-fields";

export interface CameraMotionProps {
  selected: readonly string[];
  onChange: (next: string[]) => void;
  /** `chip`: the composer's bar (a chip opening the list); `row`: the phone's sheet (the list inline). */
  variant: "chip" | "row";
  /** The server's problem with the pick, when there is one. */
  error?: string;
  errorId?: string;
}

/** "orbit_left" → "orbit left": a key Luma adds after this release still reads as words. */
const humanise = (key: string) => key.replace(/[_-]+/g, " ").trim();

/**
 * Camera motions (the official API's `concepts`), as toggle chips: the list is the upstream's own
 * (`GET /api/concepts`, kept by the server), named in the page's language where the key is known and
 * in its own words otherwise. Loaded on demand, with its sentences, only where the provider offers it.
 */
export function CameraMotion(props: CameraMotionProps) {
  return (
    <OnDemandMessages namespaces={["Camera"]}>
      <CameraMotionContent {...props} />
    </OnDemandMessages>
  );
}

function CameraMotionContent({ selected, onChange, variant, error, errorId }: CameraMotionProps) {
  const t = useTranslations("Camera");
  const listId = useId();
  const list = useQuery({
    queryKey: ["camera-concepts"],
    queryFn: ({ signal }) => apiFetch("/api/concepts", { method: "GET", signal }, (s) => s.ConceptListSchema),
    staleTime: 60 * 60_000,
  });
  const keys = list.data?.concepts ?? [];
  if (keys.length === 0) return null;
  const name = (key: string) => {
    const known = `names.${key}` as "names.pan_left";
    return t.has(known) ? t(known) : humanise(key);
  };
  const full = selected.length >= CONCEPTS_MAX;
  const toggle = (key: string) =>
    onChange(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);

  const chips = (
    <fieldset
      id={listId}
      aria-describedby={error ? errorId : undefined}
      className="m-0 flex min-w-0 flex-wrap gap-1.5 border-0 p-0"
    >
      <legend className="sr-only">{t("group", { max: CONCEPTS_MAX })}</legend>
      {keys.map((key) => {
        const on = selected.includes(key);
        return (
          <button
            key={key}
            type="button"
            aria-pressed={on}
            disabled={!on && full}
            onClick={() => toggle(key)}
            className={`inline-flex h-8 items-center rounded-full border px-3 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40 pointer-coarse:h-10 ${on ? "border-accent bg-accent-soft text-ink" : "border-line bg-canvas text-ink-muted hover:border-line-strong hover:text-ink"}`}
          >
            {name(key)}
          </button>
        );
      })}
    </fieldset>
  );
  const hint = (
    <p className="text-xs text-ink-muted">
      {full ? t("full", { max: CONCEPTS_MAX }) : t("hint", { max: CONCEPTS_MAX })}
    </p>
  );

  if (variant === "row") {
    return (
      <div className="flex flex-col gap-2 py-2">
        <span className="text-sm text-ink">{t("title")}</span>
        {chips}
        {hint}
      </div>
    );
  }
  const summary =
    selected.length === 0
      ? t("title")
      : selected.length === 1
        ? name(selected[0] ?? "")
        : t("count", { count: selected.length });
  return (
    <Popover.Root>
      <Popover.Trigger
        aria-label={selected.length ? `${t("title")}: ${selected.map(name).join(", ")}` : t("title")}
        className={`inline-flex h-9 shrink-0 items-center gap-1.5 rounded-full border px-3 text-sm transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent ${selected.length ? "border-accent bg-accent-soft text-ink" : "border-line bg-canvas text-ink-muted hover:border-line-strong hover:text-ink"} ${error ? "border-danger" : ""}`}
      >
        <span aria-hidden="true" className={selected.length ? "text-accent" : undefined}>
          {CAMERA_ICON}
        </span>
        {summary}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          side="bottom"
          align="start"
          sideOffset={8}
          collisionPadding={12}
          className="z-50 flex w-[min(26rem,calc(100vw-24px))] flex-col gap-2 rounded-panel border border-line bg-raised p-3 text-ink shadow-lg"
        >
          <p className="text-sm font-medium">{t("title")}</p>
          {chips}
          {hint}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
