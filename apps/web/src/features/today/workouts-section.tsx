import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { DayCard, Me, Workout, WorkoutSet } from "@fitcoach/contract";

import { ProblemAlert } from "../../ui/problem-alert";
import { DaySection } from "./day-section";
import { useRefreshDay, useTrackingApi } from "./day-queries";
import { formatAmount } from "./number-input";
import { EntryActions, useEditingEntry } from "./entry-editing";
import type { EditingEntry } from "./entry-editing";
import { metresPerDistanceUnit } from "./workout-draft";
import { WorkoutForm } from "./workout-form";

/** Lists the day's workouts with their sets and effort score, and renders the form that logs one. */
export function WorkoutsSection(props: { day: DayCard; units: Me["units"] }): React.JSX.Element {
  const { t } = useTranslation();
  const api = useTrackingApi();
  const refreshDay = useRefreshDay(props.day.date);
  const remove = useMutation({
    mutationFn: (workout: Workout) => api.workouts.deleteWorkout(workout),
    onSettled: refreshDay,
  });
  const editing = useEditingEntry();
  const { workouts, effort } = props.day;

  return (
    <DaySection title={t("today.sections.workouts.title")} className="day-section-wide">
      {workouts.length > 0 ? (
        <p className="muted">{t("today.workouts.effort", { score: effort.score })}</p>
      ) : (
        <p className="muted">{t("today.nothingLogged")}</p>
      )}
      {workouts.map((workout, index) => (
        <WorkoutCard
          key={workout.id}
          workout={workout}
          label={workout.title ?? t("today.workouts.workoutNumber", { number: index + 1 })}
          units={props.units}
          editing={editing}
          refreshDay={refreshDay}
          isDeleting={remove.isPending}
          onDelete={() => remove.mutate(workout)}
        />
      ))}
      <ProblemAlert error={remove.error} />
      <WorkoutForm date={props.day.date} units={props.units} />
    </DaySection>
  );
}

function WorkoutCard(props: {
  workout: Workout;
  label: string;
  units: Me["units"];
  editing: EditingEntry;
  refreshDay: () => Promise<void>;
  isDeleting: boolean;
  onDelete(): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { workout, editing } = props;

  if (editing.editingId === workout.id) {
    return (
      <article className="workout" aria-label={props.label}>
        <WorkoutForm
          date={workout.date}
          units={props.units}
          edit={{ workout, label: props.label, refreshDay: props.refreshDay, onDone: editing.stop }}
        />
      </article>
    );
  }

  return (
    <article className="workout" aria-label={props.label}>
      <p className="item-title">{props.label}</p>
      <p className="item-meta">
        {t("today.workouts.summary", {
          minutes: workout.durationMin,
          intensity: workout.intensity,
        })}
      </p>
      {workout.exercises.length > 0 ? (
        <ul className="item-list">
          {workout.exercises.map((exercise, index) => (
            <li key={`${exercise.exerciseId ?? exercise.name}-${index}`} className="item">
              <div>
                <p className="item-title">{exercise.name}</p>
                <p className="item-meta">
                  {exercise.sets
                    .map((set) => describeSet(set, props.units, i18n.language, t))
                    .join(", ")}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <EntryActions
        label={props.label}
        editButtonRef={editing.editButtonRef(workout.id)}
        isDeleting={props.isDeleting}
        onEdit={() => editing.start(workout.id)}
        onDelete={props.onDelete}
        deleteText={t("today.workouts.delete")}
      />
    </article>
  );
}

/** Describes a set as "5 × 100 kg", "12 reps" or "30 min, 5 km", in the user's units. */
function describeSet(set: WorkoutSet, units: Me["units"], language: string, t: TFunction): string {
  if (set.durationSec !== null) {
    const minutes = formatAmount(set.durationSec / 60, language, 1);
    if (set.distanceM === null) return t("today.workouts.setTime", { minutes });
    const distance = formatAmount(set.distanceM / metresPerDistanceUnit(units), language, 2);
    const unit = units === "imperial" ? "mi" : "km";
    return t("today.workouts.setTimeDistance", { minutes, distance, unit });
  }

  const reps = set.reps ?? 0;
  const weight = units === "imperial" ? set.weightLb : set.weightKg;
  if (weight === null) return t("today.workouts.setRepsOnly", { reps });
  const unit = units === "imperial" ? "lb" : "kg";
  return t("today.workouts.setLoad", { reps, weight: formatAmount(weight, language, 2), unit });
}
