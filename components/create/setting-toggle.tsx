import type { ReactNode } from "react";
import { useId } from "react";

export interface SettingToggleProps {
  label: string;
  /** Said to screen readers with the switch; the composer shows blocking reasons under itself. */
  description?: string;
  icon: ReactNode;
  checked: boolean;
  disabled?: boolean;
  /** `chip`: the composer's compact bar; `row`: the phone's sheet, with the description shown. */
  variant: "chip" | "row";
  onChange: (checked: boolean) => void;
}

/** A native checkbox with switch semantics, laid invisibly over the drawn chip so it takes the clicks. */
export function SettingToggle({
  label,
  description,
  icon,
  checked,
  disabled,
  variant,
  onChange,
}: SettingToggleProps) {
  const inputId = useId();
  const descriptionId = useId();
  const chip = (
    <span
      className={`relative inline-flex h-9 shrink-0 items-center gap-1.5 rounded-full border px-3 text-sm transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-accent pointer-coarse:h-10 ${checked ? "border-accent bg-accent-soft text-ink" : "border-line bg-canvas text-ink-muted hover:border-line-strong hover:text-ink"} ${disabled ? "opacity-50" : ""}`}
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
        className="absolute -inset-px z-10 m-0 cursor-pointer appearance-none rounded-full opacity-0 disabled:cursor-not-allowed"
      />
      <span aria-hidden="true" className={checked ? "text-accent" : undefined}>
        {icon}
      </span>
      <label htmlFor={inputId} className={disabled ? "cursor-not-allowed" : "cursor-pointer"}>
        {label}
      </label>
    </span>
  );
  const describe = (
    <span id={descriptionId} className={variant === "chip" ? "sr-only" : "block text-xs text-ink-muted"}>
      {description}
    </span>
  );
  if (variant === "chip")
    return (
      <>
        {chip}
        {description ? describe : null}
      </>
    );
  return (
    <div className="flex items-center justify-between gap-4 py-1">
      <span className="min-w-0">{description ? describe : null}</span>
      {chip}
    </div>
  );
}
