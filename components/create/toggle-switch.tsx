import { useId } from "react";

export interface ToggleSwitchProps {
  label: string;
  description?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** A native checkbox with switch semantics, laid invisibly over the drawn track so it takes the clicks. */
export function ToggleSwitch({ label, description, checked, disabled, onChange }: ToggleSwitchProps) {
  const inputId = useId();
  const descriptionId = useId();
  return (
    <div className={`flex items-start gap-3 ${disabled ? "opacity-60" : ""}`}>
      <span
        className={`relative mt-0.5 inline-flex h-6 w-11 shrink-0 rounded-full transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500 ${checked ? "bg-brand-600 dark:bg-brand-500" : "bg-zinc-300 dark:bg-zinc-700"}`}
      >
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          aria-checked={checked}
          checked={checked}
          disabled={disabled}
          aria-describedby={description ? descriptionId : undefined}
          onChange={(event) => onChange(event.target.checked)}
          className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none rounded-full opacity-0 disabled:cursor-not-allowed"
        />
        <span
          aria-hidden="true"
          className={`absolute left-0.5 top-0.5 size-5 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-5" : ""}`}
        />
      </span>
      <span className="min-w-0 text-sm">
        <label
          htmlFor={inputId}
          className={`font-medium ${disabled ? "cursor-not-allowed" : "cursor-pointer"}`}
        >
          {label}
        </label>
        {description ? (
          <span id={descriptionId} className="block text-xs text-zinc-600 dark:text-zinc-400">
            {description}
          </span>
        ) : null}
      </span>
    </div>
  );
}
