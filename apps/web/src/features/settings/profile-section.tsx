import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTIVITY_LEVELS, SEXES, mePatchSchema } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";

import { useUpdateMe } from "../../app/me-query";
import { useFormSubmit } from "../../forms/use-form-submit";
import { Alert } from "../../ui/alert";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { SettingsSection } from "./settings-section";

const CENTIMETRES_PER_INCH = 2.54;

/** Name and body data the coach uses for suggestions; height follows the chosen units. */
export function ProfileSection(props: { me: Me }): React.JSX.Element {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const { me } = props;
  const isImperial = me.units === "imperial";
  const [name, setName] = useState(me.name ?? "");
  const [birthDate, setBirthDate] = useState(me.birthDate ?? "");
  const [sex, setSex] = useState(me.sex ?? "");
  const [height, setHeight] = useState(formatHeight(me.heightCm, isImperial));
  const [activityLevel, setActivityLevel] = useState(me.activityLevel ?? "");
  const [waterGoal, setWaterGoal] = useState(String(me.waterGoalMl));
  const [isSaved, setSaved] = useState(false);

  const form = useFormSubmit(mePatchSchema, async (patch) => {
    setSaved(false);
    await update.mutateAsync(patch);
    setSaved(true);
  });

  function submit(): void {
    // A height shown in inches is rounded, so it is sent only when edited; otherwise every save
    // would move the stored centimetres a little.
    const isHeightEdited = height !== formatHeight(me.heightCm, isImperial);
    const heightValue = height.trim() === "" ? null : Number(height.replace(",", "."));
    let heightPatch = {};
    if (isHeightEdited && heightValue === null) heightPatch = { heightCm: null };
    else if (isHeightEdited && isImperial) heightPatch = { heightIn: heightValue };
    else if (isHeightEdited) heightPatch = { heightCm: heightValue };
    void form.submit({
      name: name.trim() === "" ? null : name,
      birthDate: birthDate === "" ? null : birthDate,
      sex: sex === "" ? null : sex,
      activityLevel: activityLevel === "" ? null : activityLevel,
      waterGoalMl: Number(waterGoal),
      ...heightPatch,
    });
  }

  return (
    <SettingsSection title={t("settings.profile.title")}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField
          label={t("fields.name")}
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={form.fieldErrors.name}
        />
        <TextField
          label={t("fields.birthDate")}
          type="date"
          value={birthDate}
          onChange={(event) => setBirthDate(event.target.value)}
          error={form.fieldErrors.birthDate}
        />
        <SelectField
          label={t("fields.sex")}
          value={sex}
          onChange={(event) => setSex(event.target.value)}
          options={[
            { value: "", label: t("common.notSet") },
            ...SEXES.map((value) => ({ value, label: t(`settings.profile.sexes.${value}`) })),
          ]}
          error={form.fieldErrors.sex}
        />
        <TextField
          label={isImperial ? t("fields.heightIn") : t("fields.heightCm")}
          inputMode="decimal"
          value={height}
          onChange={(event) => setHeight(event.target.value)}
          error={form.fieldErrors.heightCm ?? form.fieldErrors.heightIn}
        />
        <SelectField
          label={t("fields.activityLevel")}
          value={activityLevel}
          onChange={(event) => setActivityLevel(event.target.value)}
          options={[
            { value: "", label: t("common.notSet") },
            ...ACTIVITY_LEVELS.map((value) => ({
              value,
              label: t(`settings.profile.activity.${value}`),
            })),
          ]}
          error={form.fieldErrors.activityLevel}
        />
        <TextField
          label={t("fields.waterGoalMl")}
          inputMode="numeric"
          value={waterGoal}
          onChange={(event) => setWaterGoal(event.target.value)}
          error={form.fieldErrors.waterGoalMl}
        />
        <ProblemAlert error={form.error} />
        {isSaved ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        <button type="submit" className="button button-primary" disabled={form.isPending}>
          {t("common.save")}
        </button>
      </form>
    </SettingsSection>
  );
}

function formatHeight(heightCm: number | null, isImperial: boolean): string {
  if (heightCm === null) return "";
  const value = isImperial ? heightCm / CENTIMETRES_PER_INCH : heightCm;
  return String(Math.round(value * 10) / 10);
}
