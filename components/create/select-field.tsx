export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  errorId?: string;
  /** `chip`: the composer's compact bar (the label is the control's name); `row`: the phone's sheet. */
  variant: "chip" | "row";
  onChange: (value: string) => void;
}

const caret = (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    className="pointer-events-none absolute right-2.5 top-1/2 size-3.5 -translate-y-1/2 text-ink-faint"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
  >
    <path d="m6 9 6 6 6-6" />
  </svg>
);

/**
 * A setting with a choice: a native select (keyboard, touch and screen readers all know it), drawn as a
 * chip. A setting with one choice is no choice: it is shown as plain text.
 */
export function SelectField({
  id,
  label,
  value,
  options,
  error,
  errorId,
  variant,
  onChange,
}: SelectFieldProps) {
  const current = options.find((option) => option.value === value) ?? options[0];
  const chip = variant === "chip";
  if (options.length <= 1) {
    return (
      <span
        className={
          chip
            ? "inline-flex h-9 items-center px-2 text-sm text-ink-muted"
            : "flex items-center justify-between gap-4 py-2 text-sm"
        }
      >
        {chip ? <span className="sr-only">{label}: </span> : <span className="text-ink">{label}</span>}
        <span className={chip ? undefined : "text-ink-muted"}>{current?.label ?? value}</span>
      </span>
    );
  }
  const select = (
    <span className="relative inline-flex min-w-0">
      <select
        id={id}
        value={value}
        aria-label={chip ? label : undefined}
        title={chip ? label : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={`h-9 min-w-0 cursor-pointer appearance-none rounded-full border border-line bg-canvas pr-8 pl-3 text-sm text-ink hover:border-line-strong focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent aria-invalid:border-danger pointer-coarse:h-10 ${chip ? "" : "w-40"}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {caret}
    </span>
  );
  if (chip) return select;
  return (
    <div className="flex items-center justify-between gap-4 py-1">
      <label htmlFor={id} className="text-sm text-ink">
        {label}
      </label>
      {select}
    </div>
  );
}
