import { useFormatter, useTranslations } from "next-intl";

export interface PromptFieldProps {
  id: string;
  value: string;
  maxLength: number;
  error?: string;
  onChange: (value: string) => void;
}

/** The prompt with a live count against the provider's limit; typing past it is allowed but flagged. */
export function PromptField({ id, value, maxLength, error, onChange }: PromptFieldProps) {
  const t = useTranslations("Form");
  const format = useFormatter();
  const countId = `${id}-count`;
  const errorId = `${id}-error`;
  const over = value.trim().length > maxLength;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {t("prompt")}
        </label>
        <span
          id={countId}
          className={`text-xs tabular-nums ${over ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
        >
          {format.number(value.length)} / {format.number(maxLength)}
          <span className="sr-only"> {t("characters")}</span>
        </span>
      </div>
      <textarea
        id={id}
        name="prompt"
        rows={4}
        value={value}
        placeholder={t("promptPlaceholder")}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={error ? `${errorId} ${countId}` : countId}
        onChange={(event) => onChange(event.target.value)}
        className="min-h-28 w-full resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base placeholder:text-zinc-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-500 aria-invalid:border-red-600 sm:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-500"
      />
      {error ? (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
