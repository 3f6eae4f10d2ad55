import { useState } from "react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { sleepCreateSchema } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { formatDuration } from "../../i18n/format";
import { addDays, todayOnDevice } from "../../platform/local-date";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { ChoiceList } from "../../ui/choice-list";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { BodyText, HelpText, Section } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { TextLink } from "../../ui/text-link";
import { queueEntry } from "../today/day-writes";
import { useDay } from "../today/use-day";

/** Sleep quality choices, 1 (poor) to 5 (excellent); each has a catalog entry. */
export const QUALITIES = ["1", "2", "3", "4", "5"] as const;

/** Logs last night: bedtime, wake time and quality 1 to 5, through the write queue. */
export function SleepScreen(): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const today = todayOnDevice();
  const day = useDay(today);
  const [bedtime, setBedtime] = useState(`${addDays(today, -1)}T23:00`);
  const [wakeTime, setWakeTime] = useState(`${today}T07:00`);
  const [quality, setQuality] = useState<(typeof QUALITIES)[number]>("3");
  const [isSaved, setSaved] = useState(false);

  const form = useFormSubmit(sleepCreateSchema, async (body) => {
    // A night belongs to the day its sleeper woke up on.
    await queueEntry(runtime, "sleep", body.wakeTime.slice(0, 10), body);
    setSaved(true);
  });

  return (
    <Screen title={t("sleep.title")}>
      <Section title={t("sleep.lastNight")}>
        {(day.data?.sleep ?? []).map((night) => (
          <BodyText key={night.id}>
            {t("today.night", {
              duration: formatDuration(night.durationMin, i18n.language, t),
              quality: night.quality,
            })}
          </BodyText>
        ))}
        <HelpText>{t("sleep.help")}</HelpText>
        <TextField
          label={t("fields.bedtime")}
          value={bedtime}
          onChangeText={setBedtime}
          error={form.fieldErrors.bedtime}
          autoCapitalize="none"
          help={t("sleep.timeFormat")}
        />
        <TextField
          label={t("fields.wakeTime")}
          value={wakeTime}
          onChangeText={setWakeTime}
          error={form.fieldErrors.wakeTime}
          autoCapitalize="none"
        />
        <ChoiceList<(typeof QUALITIES)[number]>
          label={t("fields.quality")}
          choices={QUALITIES.map((value) => ({ value, label: t(`sleep.qualities.${value}`) }))}
          selected={quality}
          onSelect={setQuality}
        />
        <ProblemNotice error={form.error} />
        {isSaved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
        <Button
          label={t("sleep.save")}
          isPending={form.isPending}
          onPress={() => {
            setSaved(false);
            void form.submit({
              bedtime: bedtime.trim(),
              wakeTime: wakeTime.trim(),
              quality: Number(quality),
            });
          }}
        />
      </Section>
      <TextLink href="/" label={t("sleep.backToToday")} />
    </Screen>
  );
}
