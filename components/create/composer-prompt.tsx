import { useTranslations } from "next-intl";
import { composerIds } from "./composer-form";

export interface ComposerPromptProps {
  /** The composer's id prefix: the field is described by the count beside Generate and its problem. */
  idPrefix: string;
  value: string;
  maxLength: number;
  /** A problem is shown under the composer. */
  invalid: boolean;
  onChange: (value: string) => void;
}

/** The prompt, first and largest; typing past the provider's limit is allowed but flagged. */
export function ComposerPrompt({ idPrefix, value, maxLength, invalid, onChange }: ComposerPromptProps) {
  const ids = composerIds(idPrefix);
  const id = ids.prompt;
  const countId = ids.count;
  const errorId = invalid ? ids.promptError : undefined;
  const t = useTranslations("Form");
  const c = useTranslations("Composer");
  const over = value.trim().length > maxLength;
  return (
    <div className="flex min-w-0 flex-1">
      <label htmlFor={id} className="sr-only">
        {t("prompt")}
      </label>
      <textarea
        id={id}
        name="prompt"
        rows={2}
        value={value}
        placeholder={c("promptPlaceholder")}
        aria-invalid={errorId || over ? true : undefined}
        aria-describedby={errorId ? `${errorId} ${countId}` : countId}
        onChange={(event) => onChange(event.target.value)}
        className="h-15 w-full resize-none rounded-tile border border-transparent bg-transparent px-2 py-1.5 text-base leading-6 text-ink placeholder:text-ink-faint focus-visible:bg-canvas focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger sm:h-27 sm:text-[15px]"
      />
    </div>
  );
}
