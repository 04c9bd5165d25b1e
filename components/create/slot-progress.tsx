import { useTranslations } from "next-intl";
import type { KeyframeValue } from "./use-keyframes";

type FileValue = Extract<KeyframeValue, { kind: "file" }>;

/** A thin bar along the tile's foot: preparing (resizing in the browser) has no measurable progress. */
export function SlotProgress({ label, value }: { label: string; value: FileValue }) {
  const t = useTranslations("Keyframe");
  const preparing = value.phase === "preparing";
  return (
    <div className="absolute inset-x-0 bottom-0 bg-scrim p-1.5">
      <progress
        aria-label={t("uploadingLabel", { label })}
        aria-valuetext={preparing ? t("preparing") : undefined}
        max={1}
        value={preparing ? undefined : value.progress}
        className="block h-1 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:bg-accent"
      />
    </div>
  );
}
