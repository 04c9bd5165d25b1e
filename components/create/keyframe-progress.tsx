import { useFormatter, useTranslations } from "next-intl";
import type { KeyframeValue } from "./use-keyframes";

type FileValue = Extract<KeyframeValue, { kind: "file" }>;

/** Preparing (resizing in the browser) has no measurable progress; uploading does. */
export function KeyframeProgress({ label, value }: { label: string; value: FileValue }) {
  const t = useTranslations("Keyframe");
  const format = useFormatter();
  const preparing = value.phase === "preparing";
  return (
    <div className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
      <progress
        aria-label={t("uploadingLabel", { label })}
        max={1}
        value={preparing ? undefined : value.progress}
        className="h-2 flex-1 overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-zinc-200 [&::-webkit-progress-value]:bg-brand-600 dark:[&::-webkit-progress-bar]:bg-zinc-800"
      />
      <span className="w-20 text-right tabular-nums">
        {preparing ? t("preparing") : format.number(value.progress, { style: "percent" })}
      </span>
    </div>
  );
}
