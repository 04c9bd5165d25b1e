"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { preloadProps } from "@/lib/client/lazy-part";
import { LazyPopover, preloadPopover, useIdlePopover } from "../ui/lazy-popover";
import { ENHANCE_ICON } from "./settings-fields";
import type { Slot } from "./use-keyframes";
import { useUrlCheck } from "./use-url-check";

export interface KeyframeUrlPopoverProps {
  slot: Slot;
  label: string;
  disabled: boolean;
  /** The URL the slot holds now, so the field keeps showing it. */
  current: string;
  onUrl: (url: string, preview: string) => void;
  /** The check's problem, kept on the slot once the popover closes (null once it is fixed). */
  onProblem: (message: string | null) => void;
  /** Where the provider makes images: "Or create one from text…" under the URL field. */
  onFromText?: () => void;
}

/**
 * A keyframe from an image URL: checked on blur, Enter or paste, with a preview or a clear problem. The
 * popover's Radix part comes on demand (./lazy-popover): idle time, or pointer or focus on the 🔗.
 */
export function KeyframeUrlPopover({
  slot,
  label,
  disabled,
  current,
  onUrl,
  onProblem,
  onFromText,
}: KeyframeUrlPopoverProps) {
  const c = useTranslations("Composer");
  const word = slot === "start" ? c("startWord") : c("endWord");
  const inputId = useId();
  const statusId = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(current);
  const { check, run } = useUrlCheck(slot, onUrl);
  const trigger = useRef<HTMLButtonElement>(null);
  useIdlePopover();

  useEffect(() => setText((typed) => current || typed), [current]);
  useEffect(() => {
    if (check.status === "problem") onProblem(check.message);
    else if (check.status === "ok") onProblem(null);
  }, [check, onProblem]);

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        data-state={open ? "open" : "closed"}
        {...preloadProps(preloadPopover)}
        onClick={() => setOpen(!open)}
        disabled={disabled}
        aria-label={c("linkLabel", { label })}
        className="grid size-6 shrink-0 place-items-center rounded-full text-ink-faint hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40 pointer-coarse:size-10"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-3.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
        </svg>
      </button>
      {open ? (
        <LazyPopover
          anchor={trigger}
          trigger={trigger}
          onOpenChange={setOpen}
          side="bottom"
          align="start"
          sideOffset={8}
          collisionPadding={12}
          className="z-50 flex w-[min(22rem,calc(100vw-24px))] flex-col gap-2 rounded-panel border border-line bg-raised p-3 text-ink shadow-lg"
        >
          <label htmlFor={inputId} className="text-sm font-medium">
            {c("urlField", { slot: word })}
          </label>
          <form
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              event.stopPropagation();
              void run(text);
            }}
          >
            <input
              id={inputId}
              type="url"
              inputMode="url"
              value={text}
              placeholder="https://…"
              aria-invalid={check.status === "problem" ? true : undefined}
              aria-describedby={statusId}
              onChange={(event) => setText(event.target.value)}
              onBlur={() => void run(text)}
              onPaste={(event) => {
                const pasted = event.clipboardData.getData("text").trim();
                if (!pasted) return;
                event.preventDefault();
                setText(pasted);
                void run(pasted);
              }}
              className="h-10 min-w-0 flex-1 rounded-tile border border-line bg-canvas px-3 text-sm placeholder:text-ink-faint focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent aria-invalid:border-danger"
            />
            <button
              type="submit"
              className="h-10 rounded-tile border border-line px-3 text-sm font-medium hover:bg-surface focus-visible:outline-2 focus-visible:outline-accent"
            >
              {c("useUrl")}
            </button>
          </form>
          <div id={statusId} aria-live="polite" className="min-h-10 text-sm">
            {check.status === "checking" ? (
              <p className="flex items-center gap-2 text-ink-muted">
                <span
                  aria-hidden="true"
                  className="size-3.5 animate-spin rounded-full border-2 border-line border-t-accent"
                />
                {c("checking")}
              </p>
            ) : check.status === "ok" ? (
              <p className="flex items-center gap-3 text-ink-muted">
                {/* biome-ignore lint/performance/noImgElement: a data: preview from the studio's own check */}
                <img src={check.preview} alt="" className="size-10 rounded-tile object-cover" />
                {c("checked", { width: check.width, height: check.height, slot: word })}
              </p>
            ) : check.status === "problem" ? (
              <p className="text-danger">{check.message}</p>
            ) : (
              <p className="text-xs text-ink-muted">{c("urlHint")}</p>
            )}
          </div>
          {onFromText ? (
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                onFromText();
              }}
              className="inline-flex h-10 items-center gap-2 self-start rounded-full px-3 text-sm font-medium text-accent hover:bg-accent-soft focus-visible:outline-2 focus-visible:outline-accent"
            >
              {ENHANCE_ICON}
              {c("fromText")}
            </button>
          ) : null}
        </LazyPopover>
      ) : null}
    </>
  );
}
