import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/client/field-errors";
import type { CreateSettings } from "@/lib/client/form-storage";
import type { ProviderCapabilities } from "@/lib/luma/capabilities";
import { SelectField } from "./select-field";
import { ToggleSwitch } from "./toggle-switch";

export interface SettingsFieldsProps {
  idPrefix: string;
  capabilities: ProviderCapabilities;
  settings: CreateSettings;
  errors: FieldErrors;
  /** Why loop can't be switched on right now, if it can't. */
  loopBlockedReason?: string;
  onChange: (patch: Partial<CreateSettings>) => void;
}

const plain = (values: readonly string[], format: (value: string) => string = (value) => value) =>
  values.map((value) => ({ value, label: format(value) }));

/** Model, aspect ratio, resolution, duration and the switches: only what the provider offers. */
export function SettingsFields(props: SettingsFieldsProps) {
  const { idPrefix, capabilities: caps, settings, errors, loopBlockedReason, onChange } = props;
  const t = useTranslations("Form");
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-2 gap-3 @2xl:grid-cols-4">
        <SelectField
          id={`${idPrefix}-model`}
          label={t("model")}
          value={settings.model}
          options={caps.models.map((model) => ({ value: model.id, label: model.label }))}
          error={errors.model}
          onChange={(model) => onChange({ model })}
        />
        <SelectField
          id={`${idPrefix}-aspectRatio`}
          label={t("aspectRatio")}
          value={settings.aspectRatio}
          options={plain(caps.aspectRatios)}
          error={errors.aspectRatio}
          onChange={(aspectRatio) => onChange({ aspectRatio })}
        />
        <SelectField
          id={`${idPrefix}-resolution`}
          label={t("resolution")}
          value={settings.resolution}
          options={plain(caps.resolutions)}
          error={errors.resolution}
          onChange={(resolution) => onChange({ resolution })}
        />
        <SelectField
          id={`${idPrefix}-duration`}
          label={t("duration")}
          value={settings.duration}
          options={plain(caps.durations, (value) => {
            const seconds = /^(\d+)s$/.exec(value)?.[1];
            return seconds ? t("durationSeconds", { seconds: Number(seconds) }) : value;
          })}
          error={errors.duration}
          onChange={(duration) => onChange({ duration })}
        />
      </div>
      <div className="grid gap-3 @md:grid-cols-2">
        <ToggleSwitch
          label={t("enhance")}
          description={t("enhanceDescription")}
          checked={settings.expandPrompt}
          onChange={(expandPrompt) => onChange({ expandPrompt })}
        />
        {caps.loop ? (
          <ToggleSwitch
            label={t("loop")}
            description={loopBlockedReason ?? errors.loop ?? t("loopDescription")}
            checked={settings.loop}
            disabled={loopBlockedReason !== undefined && !settings.loop}
            onChange={(loop) => onChange({ loop })}
          />
        ) : null}
      </div>
    </div>
  );
}
