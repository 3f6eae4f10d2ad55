import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { mePatchSchema } from "@fitcoach/contract";
import type { Me } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { formatLength, formatWater, parseLocalizedNumber } from "../../i18n/format";
import { ML_PER_US_FLUID_OUNCE } from "../../i18n/unit-factors";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { HelpText, Section } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { queueProfileChange } from "./use-me";

/** Name, time zone, height and water goal, in the user's units; saved through the write queue. */
export function ProfileSection(props: { me: Me | null }): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const { me } = props;
  const isImperial = me?.units === "imperial";
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [height, setHeight] = useState("");
  const [waterGoal, setWaterGoal] = useState("");
  const [isSaved, setSaved] = useState(false);

  useEffect(() => {
    if (!me) return;
    setName(me.name ?? "");
    setTimeZone(me.timeZone);
    setHeight(me.heightCm === null ? "" : displayHeight(me.heightCm, isImperial));
    setWaterGoal(displayWater(me.waterGoalMl, isImperial));
  }, [me, isImperial]);

  const form = useFormSubmit(mePatchSchema, async (patch) => {
    await queueProfileChange(runtime, patch);
    setSaved(true);
  });

  function save(): void {
    setSaved(false);
    const heightValue = height.trim() ? parseLocalizedNumber(height) : null;
    const waterValue = parseLocalizedNumber(waterGoal);
    void form.submit({
      name: name.trim() ? name : null,
      timeZone,
      ...(isImperial
        ? heightValue === null
          ? { heightCm: null }
          : { heightIn: heightValue }
        : { heightCm: heightValue }),
      waterGoalMl:
        waterValue === null
          ? waterGoal
          : Math.round(isImperial ? waterValue * ML_PER_US_FLUID_OUNCE : waterValue),
    });
  }

  return (
    <Section title={t("settings.profile.title")}>
      {me ? (
        <HelpText>
          {t("settings.profile.summary", {
            water: formatWater(me.waterGoalMl, me.units, i18n.language, t),
            height:
              me.heightCm === null
                ? t("common.notSet")
                : formatLength(me.heightCm, me.units, i18n.language, t),
          })}
        </HelpText>
      ) : null}
      <TextField
        label={t("fields.nameOptional")}
        value={name}
        onChangeText={setName}
        error={form.fieldErrors.name}
      />
      <TextField
        label={t("fields.timeZone")}
        value={timeZone}
        onChangeText={setTimeZone}
        error={form.fieldErrors.timeZone}
        autoCapitalize="none"
        help={t("settings.profile.timeZoneHelp")}
      />
      <TextField
        label={isImperial ? t("fields.heightIn") : t("fields.heightCm")}
        value={height}
        onChangeText={setHeight}
        error={form.fieldErrors.heightCm ?? form.fieldErrors.heightIn}
        keyboardType="decimal-pad"
      />
      <TextField
        label={isImperial ? t("fields.waterGoalFlOz") : t("fields.waterGoalMl")}
        value={waterGoal}
        onChangeText={setWaterGoal}
        error={form.fieldErrors.waterGoalMl}
        keyboardType="decimal-pad"
      />
      <ProblemNotice error={form.error} />
      {isSaved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      <Button label={t("common.save")} isPending={form.isPending} onPress={save} />
    </Section>
  );
}

function displayHeight(heightCm: number, isImperial: boolean): string {
  return String(isImperial ? Math.round((heightCm / 2.54) * 10) / 10 : Math.round(heightCm));
}

function displayWater(waterMl: number, isImperial: boolean): string {
  return String(isImperial ? Math.round((waterMl / ML_PER_US_FLUID_OUNCE) * 10) / 10 : waterMl);
}
