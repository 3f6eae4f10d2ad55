import { useState } from "react";
import type { ReactElement } from "react";
import { StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";
import {
  GLASS_ML,
  bodyCreateSchema,
  moodCreateSchema,
  waterCreateSchema,
} from "@fitcoach/contract";
import type { DayCard } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import { formatWater, formatWeight, parseLocalizedNumber } from "../../i18n/format";
import type { UnitSystem } from "../../i18n/format";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { ProblemNotice } from "../../ui/problem-notice";
import { BodyText, HelpText, Section } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { SPACING } from "../../ui/theme";
import { isPendingEntry, queueEntry, queueEntryDeletion } from "./day-writes";

const MOOD_SCORES = [1, 2, 3, 4, 5] as const;

/** Water, mood and weight in one tap each; every tap is queued, so it works offline. */
export function QuickAdds(props: {
  date: string;
  card: DayCard | null;
  units: UnitSystem;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <Section title={t("today.quickAdd.title")}>
      <WaterQuickAdd {...props} />
      <MoodQuickAdd {...props} />
      <WeightQuickAdd {...props} />
    </Section>
  );
}

function WaterQuickAdd(props: {
  date: string;
  card: DayCard | null;
  units: UnitSystem;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const form = useFormSubmit(waterCreateSchema, async (body) => {
    await queueEntry(runtime, "water", props.date, body);
  });
  const water = props.card?.water;
  const format = (ml: number): string => formatWater(ml, props.units, i18n.language, t);

  return (
    <View style={styles.part}>
      <BodyText testID="water-total">
        {water
          ? t("today.water.progress", { total: format(water.totalMl), goal: format(water.goalMl) })
          : t("today.water.unknown")}
      </BodyText>
      <Button
        label={t("today.water.addGlass", { amount: format(GLASS_ML) })}
        onPress={() => void form.submit({ date: props.date, ml: GLASS_ML })}
      />
      <ProblemNotice error={form.error} />
      {(water?.entries ?? []).map((entry) => (
        <View key={entry.id} style={styles.row}>
          <HelpText>
            {isPendingEntry(entry)
              ? t("today.water.pendingEntry", { amount: format(entry.ml) })
              : format(entry.ml)}
          </HelpText>
          <Button
            variant="link"
            label={t("today.remove")}
            accessibilityLabel={t("today.water.remove", { amount: format(entry.ml) })}
            onPress={() => void queueEntryDeletion(runtime, "water", entry)}
          />
        </View>
      ))}
    </View>
  );
}

function MoodQuickAdd(props: { date: string; card: DayCard | null }): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const form = useFormSubmit(moodCreateSchema, async (body) => {
    await queueEntry(runtime, "mood", props.date, body);
  });
  const latest = props.card?.mood.at(-1);

  return (
    <View style={styles.part}>
      <BodyText>
        {latest ? t("today.mood.current", { score: latest.score }) : t("today.mood.question")}
      </BodyText>
      <View style={styles.row}>
        {MOOD_SCORES.map((score) => (
          <Button
            key={score}
            variant="secondary"
            label={String(score)}
            accessibilityLabel={t("today.mood.choose", { score })}
            onPress={() => void form.submit({ date: props.date, score })}
          />
        ))}
      </View>
      <ProblemNotice error={form.error} />
    </View>
  );
}

function WeightQuickAdd(props: {
  date: string;
  card: DayCard | null;
  units: UnitSystem;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const runtime = useRuntime();
  const [value, setValue] = useState("");
  const isImperial = props.units === "imperial";
  const field = isImperial ? "weightLb" : "weightKg";
  const form = useFormSubmit(bodyCreateSchema, async (body) => {
    await queueEntry(runtime, "body", props.date, body);
    setValue("");
  });
  const weight = props.card?.weight;

  return (
    <View style={styles.part}>
      {weight ? (
        <BodyText>
          {t("today.weight.current", {
            weight: formatWeight(weight.kg, props.units, i18n.language, t),
          })}
        </BodyText>
      ) : null}
      <TextField
        label={isImperial ? t("fields.weightLb") : t("fields.weightKg")}
        value={value}
        onChangeText={setValue}
        error={form.fieldErrors[field] ?? form.fieldErrors[""]}
        keyboardType="decimal-pad"
      />
      <Button
        variant="secondary"
        label={t("today.weight.save")}
        onPress={() =>
          void form.submit({ date: props.date, [field]: parseLocalizedNumber(value) ?? value })
        }
      />
      <ProblemNotice error={form.error} />
    </View>
  );
}

const styles = StyleSheet.create({
  part: { gap: SPACING / 2, paddingVertical: SPACING / 2 },
  row: { flexDirection: "row", flexWrap: "wrap", alignItems: "center", gap: SPACING / 2 },
});
