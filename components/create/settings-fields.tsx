import { useTranslations } from "next-intl";
import type { FieldErrors, FieldName } from "@/lib/client/field-errors";
import type { CreateSettings } from "@/lib/client/form-storage";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { SelectField } from "./select-field";
import { SettingToggle } from "./setting-toggle";

export interface SettingsFieldsProps {
  /** Ids are `${idPrefix}-${field}`; the sheet's copy uses its own prefix. */
  idPrefix: string;
  capabilities: ProviderCapabilities;
  settings: CreateSettings;
  errors: FieldErrors;
  /** Why loop can't be switched on right now, if it can't. */
  loopBlockedReason?: string;
  variant: "chip" | "row";
  onChange: (patch: Partial<CreateSettings>) => void;
}

const plain = (values: readonly string[], format: (value: string) => string = (value) => value) =>
  values.map((value) => ({ value, label: format(value) }));

/** A 16 px line icon on the 24-unit grid the composer's icons share. */
export const strokeIcon = (path: string, strokeWidth = 1.8) => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    className="size-4"
    fill="none"
    stroke="currentColor"
    strokeWidth={strokeWidth}
  >
    <path d={path} />
  </svg>
);
const LOOP_ICON = strokeIcon("M17 2l4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4M21 13v2a3 3 0 0 1-3 3H3");
export const CAMERA_ICON = strokeIcon("M3 7h11v10H3zM14 10l7-3v10l-7-3");

export const ENHANCE_ICON = strokeIcon(
  "M12 3l1.8 4.7L18.5 9.5l-4.7 1.8L12 16l-1.8-4.7L5.5 9.5l4.7-1.8zM19 15l.9 2.1L22 18l-2.1.9L19 21l-.9-2.1L16 18l2.1-.9z",
);

/** Model, aspect ratio, resolution, duration and the switches: only what the provider offers. */
export function SettingsFields(props: SettingsFieldsProps) {
  const { idPrefix, capabilities: caps, settings, errors, loopBlockedReason, variant, onChange } = props;
  const t = useTranslations("Form");
  const errorId = (field: FieldName) => `${idPrefix}-${field}-error`;
  const seconds = (value: string) => {
    const count = /^(\d+)s$/.exec(value)?.[1];
    return count ? t("durationSeconds", { seconds: Number(count) }) : value;
  };
  const select = (
    field: "model" | "aspectRatio" | "resolution" | "duration",
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <SelectField
      id={`${idPrefix}-${field}`}
      label={label}
      value={settings[field]}
      options={options}
      error={errors[field]}
      errorId={errorId(field)}
      variant={variant}
      onChange={(value) => onChange({ [field]: value })}
    />
  );
  return (
    <>
      {select(
        "model",
        t("model"),
        caps.models.map((model) => ({ value: model.id, label: model.label })),
      )}
      {select("aspectRatio", t("aspectRatio"), plain(caps.aspectRatios))}
      {select("resolution", t("resolution"), plain(caps.resolutions))}
      {select("duration", t("duration"), plain(caps.durations, seconds))}
      {caps.loop ? (
        <SettingToggle
          label={t("loop")}
          icon={LOOP_ICON}
          description={loopBlockedReason ?? errors.loop ?? t("loopDescription")}
          checked={settings.loop}
          disabled={loopBlockedReason !== undefined && !settings.loop}
          variant={variant}
          onChange={(loop) => onChange({ loop })}
        />
      ) : null}
      <SettingToggle
        label={t("enhance")}
        icon={ENHANCE_ICON}
        description={t("enhanceDescription")}
        checked={settings.expandPrompt}
        variant={variant}
        onChange={(expandPrompt) => onChange({ expandPrompt })}
      />
    </>
  );
}
