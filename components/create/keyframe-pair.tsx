import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/client/field-errors";
import type { ComposerProblem } from "./composer-messages";
import { KeyframeSlot } from "./keyframe-slot";
import { strokeIcon } from "./settings-fields";
import type { Keyframes, Slot } from "./use-keyframes";

/** A start the creator does not choose (an extension's or a continuation's: the clip's last frame). */
export interface FixedStart {
  src: string | null;
  /** The picture's accessible name. */
  alt: string;
  /** The short word under the tile, like the slots' "Start" and "End". */
  caption: string;
}

export interface KeyframePairProps {
  idPrefix: string;
  keyframes: Keyframes;
  errors: FieldErrors;
  /** Why the end keyframe can't be set right now (loop is on and the provider forbids both). */
  endBlockedReason?: string;
  /** Shown instead of the start slot; the arrow then only points (nothing to swap). */
  fixedStart?: FixedStart;
  onChanged: (slot: Slot) => void;
  /** Where the provider makes images: "Create one from text" for this slot. */
  onFromText?: (slot: Slot) => void;
}

export const zoneIdFor = (idPrefix: string, slot: Slot) => `${idPrefix}-${slot}Frame`;
export const slotErrorIdFor = (idPrefix: string, slot: Slot) => `${zoneIdFor(idPrefix, slot)}-error`;

/** Whether a slot's problem is worth showing: an empty end tile that loop now blocks has nothing to fix. */
function slotMessage(
  slot: Slot,
  keyframes: Keyframes,
  errors: FieldErrors,
  endBlockedReason?: string,
): string | null {
  const state = keyframes.slots[slot];
  const blocked = slot === "end" && endBlockedReason && !state.value;
  return (slot === "start" ? errors.startFrame : errors.endFrame) ?? (blocked ? null : state.error);
}

/**
 * The slots' problems as lines under the composer (or the extend dialog), each with its id for the
 * tile's `aria-describedby`; an image refused only for its pixel size offers to be downscaled.
 */
export function slotProblems(
  idPrefix: string,
  keyframes: Keyframes,
  errors: FieldErrors,
  slots: readonly Slot[],
  endBlockedReason?: string,
): ComposerProblem[] {
  return slots.flatMap((slot) => {
    const message = slotMessage(slot, keyframes, errors, endBlockedReason);
    const file = keyframes.slots[slot].downscalable;
    if (!message) return [];
    return [
      {
        id: slotErrorIdFor(idPrefix, slot),
        message,
        onDownscale: file
          ? () => {
              keyframes.setError(slot, null);
              void keyframes.addFile(slot, file, { downscale: true });
            }
          : undefined,
      },
    ];
  });
}

const ARROW = "mt-8.5 grid size-7 shrink-0 place-items-center rounded-full sm:mt-6.5";

/** Start → end: two compact tiles, the arrow between them swaps them. */
export function KeyframePair({
  idPrefix,
  keyframes,
  errors,
  endBlockedReason,
  fixedStart,
  onChanged,
  onFromText,
}: KeyframePairProps) {
  const t = useTranslations("Form");
  const { slots } = keyframes;
  const slot = (which: Slot, label: string, disabledReason?: string) => {
    const hasError = Boolean(slotMessage(which, keyframes, errors, endBlockedReason));
    return (
      <KeyframeSlot
        slot={which}
        label={label}
        zoneId={zoneIdFor(idPrefix, which)}
        state={slots[which]}
        errorId={hasError ? slotErrorIdFor(idPrefix, which) : undefined}
        // An end frame already set stays removable even when loop blocks adding one.
        disabledReason={slots[which].value ? undefined : disabledReason}
        onFile={(file) => {
          onChanged(which);
          void keyframes.addFile(which, file);
        }}
        onReject={(message) => keyframes.setError(which, message)}
        onFromText={onFromText ? () => onFromText(which) : undefined}
        onUrl={(url, preview) => {
          onChanged(which);
          keyframes.setUrl(which, url, preview);
        }}
        onUrlProblem={(message) => keyframes.setError(which, message)}
        onRemove={() => {
          onChanged(which);
          keyframes.remove(which);
        }}
      />
    );
  };
  const canSwap = (slots.start.value !== null || slots.end.value !== null) && !endBlockedReason;
  const arrow = strokeIcon(fixedStart ? "M5 12h14M15 8l4 4-4 4" : "M5 9h14l-4-4M19 15H5l4 4", 2);
  return (
    <fieldset className="flex min-w-0 shrink-0 items-start gap-1.5">
      <legend className="sr-only">{t("keyframes")}</legend>
      {fixedStart ? <FixedTile {...fixedStart} /> : slot("start", t("startKeyframe"))}
      {fixedStart ? (
        <span className={`${ARROW} text-ink-faint pointer-coarse:mt-7 sm:pointer-coarse:mt-5`}>{arrow}</span>
      ) : (
        <button
          type="button"
          disabled={!canSwap}
          aria-label={t("swap")}
          title={t("swap")}
          onClick={() => {
            keyframes.swap();
            onChanged("start");
            onChanged("end");
          }}
          className={`${ARROW} text-ink-faint hover:bg-raised hover:text-ink focus-visible:outline-2 focus-visible:outline-accent disabled:hover:bg-transparent disabled:hover:text-ink-faint pointer-coarse:mt-7 pointer-coarse:size-10 sm:pointer-coarse:mt-5`}
        >
          {arrow}
        </button>
      )}
      {slot("end", fixedStart ? t("endKeyframeOptional") : t("endKeyframe"), endBlockedReason)}
    </fieldset>
  );
}

/**
 * A start tile that only shows its picture, in the slots' size and rhythm (pt-1: a slot's first item
 * is its zero-height file input, so its tile sits one gap lower).
 */
export function FixedTile({ src, alt, caption }: FixedStart) {
  return (
    <div className="flex w-24 shrink-0 flex-col gap-1 pt-1 sm:w-20">
      <div className="relative size-24 overflow-hidden rounded-tile border border-line bg-canvas sm:size-20">
        {src ? (
          // biome-ignore lint/performance/noImgElement: studio media and upstream links can't go through next/image
          <img src={src} alt={alt} className="absolute inset-0 size-full object-cover" />
        ) : null}
      </div>
      <div className="flex h-6 items-center pointer-coarse:h-10">
        <span className="min-w-0 flex-1 truncate text-xs text-ink-muted">{caption}</span>
      </div>
    </div>
  );
}
