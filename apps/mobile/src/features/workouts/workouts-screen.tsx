import { useState } from "react";
import type { ReactElement } from "react";
import { StyleSheet, View } from "react-native";
import { useTranslation } from "react-i18next";
import { workoutCreateSchema } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { UnitSystem } from "../../i18n/format";
import { todayOnDevice } from "../../platform/local-date";
import { useRuntime } from "../../session/session-provider";
import { Button } from "../../ui/button";
import { ChoiceList } from "../../ui/choice-list";
import { Notice } from "../../ui/notice";
import { ProblemNotice } from "../../ui/problem-notice";
import { Screen } from "../../ui/screen";
import { BodyText, Section } from "../../ui/section";
import { TextField } from "../../ui/text-field";
import { SPACING } from "../../ui/theme";
import { useMe } from "../settings/use-me";
import { queueEntry } from "../today/day-writes";
import { ExerciseSearch } from "./exercise-search";
import { PreviousPerformance } from "./previous-performance";
import { RestTimer } from "./rest-timer";
import { EMPTY_DRAFT, draftToRequest } from "./workout-draft";
import type { DraftExercise, WorkoutDraft } from "./workout-draft";

/** Intensity choices, 1 (easy) to 5 (all out); each has a catalog entry. */
export const INTENSITIES = ["1", "2", "3", "4", "5"] as const;

/** Today's workout: exercises from the catalog, their sets, the last performance and a rest timer. */
export function WorkoutsScreen(): ReactElement {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const me = useMe();
  const units = me.data?.units ?? "metric";
  const date = todayOnDevice();
  const [draft, setDraft] = useState<WorkoutDraft>(EMPTY_DRAFT);
  const [isSaved, setSaved] = useState(false);

  const form = useFormSubmit(workoutCreateSchema, async (body) => {
    await queueEntry(runtime, "workouts", date, body);
    setDraft(EMPTY_DRAFT);
    setSaved(true);
  });

  function updateExercise(index: number, next: DraftExercise): void {
    setSaved(false);
    setDraft((current) => ({
      ...current,
      exercises: current.exercises.map((item, position) => (position === index ? next : item)),
    }));
  }

  return (
    <Screen title={t("workouts.title")}>
      <Section title={t("workouts.restTimer.title")}>
        <RestTimer />
      </Section>
      <Section title={t("workouts.exercises")}>
        <ExerciseSearch
          onPick={(exercise) =>
            setDraft((current) => ({
              ...current,
              exercises: [...current.exercises, { exercise, sets: [{ reps: "", weight: "" }] }],
            }))
          }
        />
      </Section>
      {draft.exercises.map((item, index) => (
        <ExerciseSets
          key={`${item.exercise.id}-${index}`}
          item={item}
          date={date}
          units={units}
          errors={form.fieldErrors}
          index={index}
          onChange={(next) => updateExercise(index, next)}
        />
      ))}
      <Section title={t("workouts.session")}>
        <TextField
          label={t("fields.durationMin")}
          value={draft.durationMin}
          onChangeText={(durationMin) => setDraft((current) => ({ ...current, durationMin }))}
          error={form.fieldErrors.durationMin}
          keyboardType="number-pad"
        />
        <ChoiceList<(typeof INTENSITIES)[number]>
          label={t("fields.intensity")}
          choices={INTENSITIES.map((value) => ({ value, label: t(`workouts.intensity.${value}`) }))}
          selected={String(draft.intensity) as (typeof INTENSITIES)[number]}
          onSelect={(value) => setDraft((current) => ({ ...current, intensity: Number(value) }))}
        />
        <ProblemNotice error={form.error} />
        {isSaved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
        <Button
          label={t("workouts.save")}
          isPending={form.isPending}
          onPress={() => void form.submit(draftToRequest(draft, date, units))}
        />
      </Section>
    </Screen>
  );
}

function ExerciseSets(props: {
  item: DraftExercise;
  index: number;
  date: string;
  units: UnitSystem;
  errors: Record<string, string>;
  onChange(next: DraftExercise): void;
}): ReactElement {
  const { t } = useTranslation();
  const { item, index } = props;
  const weightLabel =
    props.units === "imperial" ? t("fields.setWeightLb") : t("fields.setWeightKg");

  function setField(setIndex: number, field: "reps" | "weight", value: string): void {
    props.onChange({
      ...item,
      sets: item.sets.map((set, position) =>
        position === setIndex ? { ...set, [field]: value } : set,
      ),
    });
  }

  return (
    <Section title={item.exercise.name}>
      <PreviousPerformance exerciseId={item.exercise.id} date={props.date} units={props.units} />
      {item.sets.map((set, setIndex) => {
        const prefix = `exercises.${index}.sets.${setIndex}`;
        return (
          <View key={setIndex} style={styles.set}>
            <BodyText>{t("workouts.set.number", { number: setIndex + 1 })}</BodyText>
            <View style={styles.fields}>
              <TextField
                label={t("fields.reps")}
                value={set.reps}
                onChangeText={(value) => setField(setIndex, "reps", value)}
                error={props.errors[`${prefix}.reps`] ?? props.errors[prefix]}
                keyboardType="number-pad"
              />
              <TextField
                label={weightLabel}
                value={set.weight}
                onChangeText={(value) => setField(setIndex, "weight", value)}
                keyboardType="decimal-pad"
              />
            </View>
          </View>
        );
      })}
      <Button
        variant="link"
        label={t("workouts.set.add")}
        onPress={() => props.onChange({ ...item, sets: [...item.sets, { reps: "", weight: "" }] })}
      />
    </Section>
  );
}

const styles = StyleSheet.create({
  set: { gap: SPACING / 3 },
  fields: { gap: SPACING / 2 },
});
