import { useTranslations } from "next-intl";
import { useState } from "react";
import { KeyframeInputSchema } from "@/lib/shared/generation-input";

export interface KeyframeUrlInputProps {
  label: string;
  disabled: boolean;
  onUrl: (url: string) => void;
  onReject: (message: string) => void;
}

/** An image URL as the keyframe instead of a file; only http(s) is accepted. */
export function KeyframeUrlInput({ label, disabled, onUrl, onReject }: KeyframeUrlInputProps) {
  const t = useTranslations("Keyframe");
  const [text, setText] = useState("");
  const apply = () => {
    const url = text.trim();
    if (!url) return;
    if (!KeyframeInputSchema.safeParse({ url }).success) {
      onReject(t("urlInvalid", { label }));
      return;
    }
    onUrl(url);
    setText("");
  };
  return (
    <div className="flex flex-wrap gap-2">
      <input
        type="url"
        inputMode="url"
        value={text}
        disabled={disabled}
        aria-label={t("urlLabel", { label })}
        placeholder={t("urlPlaceholder")}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Plain Enter uses the URL; Ctrl/Cmd+Enter is left to the form, which submits.
          if (event.key !== "Enter" || event.ctrlKey || event.metaKey) return;
          event.preventDefault();
          apply();
        }}
        className="h-9 min-w-32 flex-1 rounded-lg border border-zinc-300 bg-white px-2 text-sm placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-900"
      />
      <button
        type="button"
        disabled={disabled || text.trim() === ""}
        onClick={apply}
        className="h-9 shrink-0 rounded-lg border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 disabled:cursor-not-allowed disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {t("useUrl")}
      </button>
    </div>
  );
}
