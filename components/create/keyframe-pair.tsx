import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/client/field-errors";
import { KeyframeZone } from "./keyframe-zone";
import type { Keyframes, Slot } from "./use-keyframes";

export interface KeyframePairProps {
  idPrefix: string;
  keyframes: Keyframes;
  errors: FieldErrors;
  /** Why the end keyframe can't be set right now (loop is on and the provider forbids both). */
  endBlockedReason?: string;
  onChanged: (slot: Slot) => void;
}

export const zoneIdFor = (idPrefix: string, slot: Slot) => `${idPrefix}-${slot}Frame`;

export function KeyframePair({
  idPrefix,
  keyframes,
  errors,
  endBlockedReason,
  onChanged,
}: KeyframePairProps) {
  const t = useTranslations("Form");
  const { slots } = keyframes;
  const zone = (slot: Slot, label: string, disabledReason?: string) => (
    <KeyframeZone
      slot={slot}
      label={label}
      zoneId={zoneIdFor(idPrefix, slot)}
      state={slots[slot]}
      error={slot === "start" ? errors.startFrame : errors.endFrame}
      // An end frame already set stays removable even when loop blocks adding one.
      disabledReason={slots[slot].value ? undefined : disabledReason}
      onFile={(file) => {
        onChanged(slot);
        void keyframes.addFile(slot, file);
      }}
      onReject={(message) => keyframes.setError(slot, message)}
      onUrl={(url) => {
        onChanged(slot);
        keyframes.setUrl(slot, url);
      }}
      onRemove={() => {
        onChanged(slot);
        keyframes.remove(slot);
      }}
    />
  );
  const canSwap = (slots.start.value !== null || slots.end.value !== null) && !endBlockedReason;
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-2 text-sm font-medium">
        {t("keyframes")} <span className="font-normal text-zinc-600 dark:text-zinc-400">{t("optional")}</span>
      </legend>
      <div className="grid gap-4 @sm:grid-cols-2">
        {zone("start", t("startKeyframe"))}
        {zone("end", t("endKeyframe"), endBlockedReason)}
      </div>
      <div>
        <button
          type="button"
          disabled={!canSwap}
          onClick={() => {
            keyframes.swap();
            onChanged("start");
            onChanged("end");
          }}
          className="inline-flex h-9 items-center gap-2 rounded-lg border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 24 24"
            className="size-4"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M7 4 3 8l4 4M3 8h14M17 20l4-4-4-4M21 16H7" />
          </svg>
          {t("swap")}
        </button>
      </div>
    </fieldset>
  );
}
