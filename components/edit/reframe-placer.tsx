"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, type PointerEvent, useId, useRef } from "react";

/** Where the source sits on the new canvas, as shares of the canvas (top-left corner, width, height). */
export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
}

const MIN_WIDTH = 0.2;

/** The source fitted inside the canvas and centred: what the upstream does when told nothing. */
export function fittedPlacement(sourceRatio: number, targetRatio: number): Placement {
  const width = Math.min(1, sourceRatio / targetRatio);
  const height = (width * targetRatio) / sourceRatio;
  return { x: (1 - width) / 2, y: (1 - height) / 2, width, height };
}

/** Keeps the source's own shape and the whole of it on the canvas. */
function settled(next: Placement, sourceRatio: number, targetRatio: number): Placement {
  const most = Math.min(1, sourceRatio / targetRatio);
  const width = Math.min(most, Math.max(MIN_WIDTH * most, next.width));
  const height = (width * targetRatio) / sourceRatio;
  return {
    width,
    height,
    x: Math.min(1 - width, Math.max(0, next.x)),
    y: Math.min(1 - height, Math.max(0, next.y)),
  };
}

/** What a key does to the placement: arrows move it, + and − resize it; other keys do nothing. */
function keyChange(
  key: string,
  placement: Placement,
  step: number,
  resized: (width: number) => Partial<Placement>,
): Partial<Placement> | null {
  switch (key) {
    case "ArrowLeft":
      return { x: placement.x - step };
    case "ArrowRight":
      return { x: placement.x + step };
    case "ArrowUp":
      return { y: placement.y - step };
    case "ArrowDown":
      return { y: placement.y + step };
    case "+":
    case "=":
      return resized(placement.width + step);
    case "-":
      return resized(placement.width - step);
    default:
      return null;
  }
}

export interface ReframePlacerProps {
  poster: string | null;
  sourceRatio: number;
  targetRatio: number;
  ratioLabel: string;
  placement: Placement;
  onChange: (placement: Placement) => void;
}

/**
 * The new canvas at its aspect ratio with the clip's poster on it: drag the poster to move it, drag its
 * corner to resize it (its shape stays the clip's), or use the arrow keys (Shift: bigger steps) and + / −.
 * What lies outside the poster is what the video service paints.
 */
export function ReframePlacer({
  poster,
  sourceRatio,
  targetRatio,
  ratioLabel,
  placement,
  onChange,
}: ReframePlacerProps) {
  const t = useTranslations("EditDialog");
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<{ mode: "move" | "resize"; startX: number; startY: number; from: Placement } | null>(
    null,
  );
  const valueId = useId();
  const set = (next: Placement) => onChange(settled(next, sourceRatio, targetRatio));

  const begin = (mode: "move" | "resize") => (event: PointerEvent<HTMLElement>) => {
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { mode, startX: event.clientX, startY: event.clientY, from: placement };
  };
  const move = (event: PointerEvent<HTMLElement>) => {
    const current = drag.current;
    const box = canvas.current?.getBoundingClientRect();
    if (!current || !box) return;
    const dx = (event.clientX - current.startX) / box.width;
    const dy = (event.clientY - current.startY) / box.height;
    const { from } = current;
    if (current.mode === "move") set({ ...from, x: from.x + dx, y: from.y + dy });
    else set({ ...from, width: from.width + Math.max(dx, (dy * from.width) / from.height) });
  };
  const end = () => {
    drag.current = null;
  };
  const keys = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    // + and − resize about the centre, so the clip stays where it was put.
    const resized = (width: number) => {
      const sized = settled({ ...placement, width }, sourceRatio, targetRatio);
      return {
        width: sized.width,
        x: placement.x + (placement.width - sized.width) / 2,
        y: placement.y + (placement.height - sized.height) / 2,
      };
    };
    const change = keyChange(event.key, placement, step, resized);
    if (!change) return;
    event.preventDefault();
    set({ ...placement, ...change });
  };
  const percent = (share: number) => Math.round(share * 100);
  const tall = targetRatio < 1;

  return (
    <div className="flex flex-col items-center gap-2">
      <div
        ref={canvas}
        data-testid="reframe-canvas"
        className={`relative overflow-hidden rounded-tile border border-dashed border-line-strong bg-[repeating-linear-gradient(45deg,var(--color-raised)_0_8px,var(--color-canvas)_8px_16px)] ${tall ? "h-64" : "w-full max-w-md"}`}
        style={{ aspectRatio: String(targetRatio) }}
      >
        <button
          type="button"
          aria-label={t("canvas", { ratio: ratioLabel })}
          aria-describedby={valueId}
          onPointerDown={begin("move")}
          onPointerMove={move}
          onPointerUp={end}
          onPointerCancel={end}
          onKeyDown={keys}
          className="absolute cursor-move touch-none overflow-hidden rounded-[3px] shadow-lg ring-2 ring-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          style={{
            left: `${placement.x * 100}%`,
            top: `${placement.y * 100}%`,
            width: `${placement.width * 100}%`,
            height: `${placement.height * 100}%`,
          }}
        >
          {poster ? (
            // biome-ignore lint/performance/noImgElement: the clip's poster from the studio's own media route
            <img src={poster} alt="" draggable={false} className="size-full object-cover select-none" />
          ) : (
            <span className="block size-full bg-raised" />
          )}
          <span
            aria-hidden="true"
            onPointerDown={begin("resize")}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
            className="absolute end-0 bottom-0 size-5 cursor-nwse-resize touch-none rounded-tl-md bg-accent pointer-coarse:size-8"
          />
        </button>
      </div>
      <p id={valueId} className="text-xs text-ink-muted">
        {t("placementValue", {
          width: percent(placement.width),
          left: percent(placement.x),
          top: percent(placement.y),
        })}
      </p>
    </div>
  );
}
