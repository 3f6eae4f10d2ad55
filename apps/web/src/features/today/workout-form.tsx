import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { workoutCreateSchema, workoutPatchSchema } from "@fitcoach/contract";
import type { Me, Workout } from "@fitcoach/contract";

import { useFormSubmit } from "../../forms/use-form-submit";
import type { FieldErrors } from "../../forms/validation";
import { ProblemAlert } from "../../ui/problem-alert";
import { SelectField } from "../../ui/select-field";
import { TextField } from "../../ui/text-field";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { EditForm, useEditSubmit } from "./entry-editing";
import { ExerciseSearch } from "./exercise-search";
import { parseNumberInput } from "./number-input";
import { draftExercisesOf, newDraftExercise, newDraftSet, toSetInput } from "./workout-draft";
import type { DraftExercise, DraftSet, SetMode } from "./workout-draft";

const INTENSITIES = [1, 2, 3, 4, 5];

/** A logged workout opened for editing in place of its card. */
export interface WorkoutEdit {
  workout: Workout;
  label: string;
  refreshDay: () => Promise<void>;
  onDone(): void;
}

/**
 * Logs a workout, or edits one when `edit` is given: name, duration, intensity and exercises from
 * the catalog with their sets.
 */
export function WorkoutForm(props: {
  date: string;
  units: Me["units"];
  edit?: WorkoutEdit;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const refreshDay = useRefreshDay(props.date);
  const headingId = useId();
  const { edit, units } = props;
  const [title, setTitle] = useState(edit?.workout.title ?? "");
  const [duration, setDuration] = useState(edit ? String(edit.workout.durationMin) : "");
  const [intensity, setIntensity] = useState(String(edit?.workout.intensity ?? 3));
  const [exercises, setExercises] = useState<DraftExercise[]>(() =>
    edit ? draftExercisesOf(edit.workout, units) : [],
  );
  // Sets of exercises imported without a catalog id cannot be sent back, so they stay as logged.
  const canEditExercises =
    !edit || edit.workout.exercises.every((item) => item.exerciseId !== null);

  const createForm = useFormSubmit(workoutCreateSchema, async (workout) => {
    await api.workouts.createWorkout(workout);
    setTitle("");
    setDuration("");
    setExercises([]);
    await refreshDay();
  });
  const editForm = useEditSubmit(
    workoutPatchSchema,
    async (patch) => {
      if (!edit) return;
      await api.workouts.updateWorkout(edit.workout, patch);
      await edit.refreshDay();
      edit.onDone();
    },
    edit?.refreshDay ?? refreshDay,
  );
  const form = edit ? editForm : createForm;

  function updateExercise(key: string, change: (exercise: DraftExercise) => DraftExercise): void {
    setExercises((current) => current.map((item) => (item.key === key ? change(item) : item)));
  }

  function submit(): void {
    const trimmedTitle = title.trim();
    const values = {
      durationMin: parseNumberInput(duration),
      intensity: Number(intensity),
      ...(canEditExercises
        ? {
            exercises: exercises.map((exercise) => ({
              exerciseId: exercise.exerciseId,
              sets: exercise.sets.map((set) => toSetInput(set, exercise.mode, units)),
            })),
          }
        : {}),
    };
    if (edit) void form.submit({ ...values, title: trimmedTitle === "" ? null : trimmedTitle });
    else {
      void form.submit({
        ...values,
        date: props.date,
        title: trimmedTitle === "" ? undefined : trimmedTitle,
      });
    }
  }

  const fields = (
    <>
      <div className="field-row">
        <TextField
          label={t("today.workouts.title")}
          autoComplete="off"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={form.fieldErrors.title}
        />
        <TextField
          label={t("today.workouts.duration")}
          inputMode="numeric"
          autoComplete="off"
          value={duration}
          onChange={(event) => setDuration(event.target.value)}
          error={form.fieldErrors.durationMin}
        />
        <SelectField
          label={t("today.workouts.intensity")}
          value={intensity}
          onChange={(event) => setIntensity(event.target.value)}
          options={INTENSITIES.map((value) => ({
            value: String(value),
            label: t("today.workouts.intensityOption", { value }),
          }))}
          error={form.fieldErrors.intensity}
        />
      </div>
      {canEditExercises ? (
        <>
          <ExerciseSearch
            onPick={(exercise) =>
              setExercises((current) => [
                ...current,
                newDraftExercise(
                  exercise.id,
                  exercise.name,
                  exercise.category === "cardio" ? "time" : "load",
                ),
              ])
            }
          />
          {exercises.map((exercise, index) => (
            <ExerciseFields
              key={exercise.key}
              exercise={exercise}
              units={units}
              errors={errorsUnder(form.fieldErrors, `exercises.${index}`)}
              onChange={(change) => updateExercise(exercise.key, change)}
              onRemove={() =>
                setExercises((current) => current.filter((item) => item.key !== exercise.key))
              }
            />
          ))}
        </>
      ) : (
        <p className="field-hint">{t("today.workouts.importedSets")}</p>
      )}
    </>
  );

  if (edit) {
    return (
      <EditForm
        className="workout-form"
        label={edit.label}
        form={form}
        onSubmit={submit}
        onCancel={edit.onDone}
      >
        {fields}
      </EditForm>
    );
  }

  return (
    <form
      noValidate
      className="workout-form"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h3 id={headingId}>{t("today.workouts.addWorkout")}</h3>
      {fields}
      <ProblemAlert error={form.error} />
      <button type="submit" className="button button-primary" disabled={form.isPending}>
        {t("today.workouts.save")}
      </button>
    </form>
  );
}

/** Returns the errors whose field is `prefix` or below it, with the prefix removed. */
function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const inner: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    if (field === prefix) inner[""] = message;
    else if (field.startsWith(`${prefix}.`)) inner[field.slice(prefix.length + 1)] = message;
  }
  return inner;
}

function ExerciseFields(props: {
  exercise: DraftExercise;
  units: Me["units"];
  errors: FieldErrors;
  onChange(change: (exercise: DraftExercise) => DraftExercise): void;
  onRemove(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { exercise } = props;

  function updateSet(key: string, patch: Partial<DraftSet>): void {
    props.onChange((current) => ({
      ...current,
      sets: current.sets.map((set) => (set.key === key ? { ...set, ...patch } : set)),
    }));
  }

  return (
    <fieldset className="exercise-fields">
      <legend>{exercise.name}</legend>
      <SelectField
        label={t("today.workouts.measure")}
        value={exercise.mode}
        onChange={(event) =>
          props.onChange((current) => ({ ...current, mode: event.target.value as SetMode }))
        }
        options={[
          { value: "load", label: t("today.workouts.modeLoad") },
          { value: "time", label: t("today.workouts.modeTime") },
        ]}
      />
      <ol className="set-list">
        {exercise.sets.map((set, index) => (
          <li key={set.key}>
            <SetFields
              set={set}
              number={index + 1}
              mode={exercise.mode}
              units={props.units}
              errors={errorsUnder(props.errors, `sets.${index}`)}
              onChange={(patch) => updateSet(set.key, patch)}
            />
          </li>
        ))}
      </ol>
      {props.errors[""] || props.errors.sets ? (
        <p className="field-error">{props.errors[""] ?? props.errors.sets}</p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() =>
            props.onChange((current) => ({
              ...current,
              sets: [...current.sets, newDraftSet(current.sets.at(-1))],
            }))
          }
        >
          {t("today.workouts.addSet")}
          <span className="visually-hidden"> ({exercise.name})</span>
        </button>
        <button type="button" className="button" onClick={props.onRemove}>
          {t("today.workouts.removeExercise")}
          <span className="visually-hidden"> {exercise.name}</span>
        </button>
      </div>
    </fieldset>
  );
}

function SetFields(props: {
  set: DraftSet;
  number: number;
  mode: SetMode;
  units: Me["units"];
  errors: FieldErrors;
  onChange(patch: Partial<DraftSet>): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { set, number, errors } = props;
  const setError = errors[""];

  if (props.mode === "time") {
    return (
      <div className="field-row set-row">
        <TextField
          label={t("today.workouts.setMinutes", { number })}
          inputMode="decimal"
          autoComplete="off"
          value={set.minutes}
          onChange={(event) => props.onChange({ minutes: event.target.value })}
          error={errors.durationSec ?? setError}
        />
        <TextField
          label={
            props.units === "imperial"
              ? t("today.workouts.setDistanceMi", { number })
              : t("today.workouts.setDistance", { number })
          }
          inputMode="decimal"
          autoComplete="off"
          value={set.distance}
          onChange={(event) => props.onChange({ distance: event.target.value })}
          error={errors.distanceM}
        />
      </div>
    );
  }

  return (
    <div className="field-row set-row">
      <TextField
        label={t("today.workouts.setReps", { number })}
        inputMode="numeric"
        autoComplete="off"
        value={set.reps}
        onChange={(event) => props.onChange({ reps: event.target.value })}
        error={errors.reps ?? setError}
      />
      <TextField
        label={
          props.units === "imperial"
            ? t("today.workouts.setWeightLb", { number })
            : t("today.workouts.setWeightKg", { number })
        }
        inputMode="decimal"
        autoComplete="off"
        value={set.weight}
        onChange={(event) => props.onChange({ weight: event.target.value })}
        error={errors.weightKg ?? errors.weightLb}
      />
    </div>
  );
}
