import type { WorkoutCreate } from "@fitcoach/contract";

import { parseLocalizedNumber } from "../../i18n/format";
import type { UnitSystem } from "../../i18n/format";
import type { ExerciseSummary } from "../offline/exercise-catalog";

/** A set as typed: text fields, parsed only when the workout is saved. */
export interface DraftSet {
  reps: string;
  weight: string;
}

export interface DraftExercise {
  exercise: ExerciseSummary;
  sets: DraftSet[];
}

export interface WorkoutDraft {
  durationMin: string;
  intensity: number;
  exercises: DraftExercise[];
}

export const EMPTY_DRAFT: WorkoutDraft = { durationMin: "", intensity: 3, exercises: [] };

/**
 * Turns the typed workout into the body of POST /workouts, in the user's units. Text that is not a
 * number is passed on as text, so the contract schema reports it on the right field.
 */
export function draftToRequest(
  draft: WorkoutDraft,
  date: string,
  units: UnitSystem,
): Record<string, unknown> {
  const weightField = units === "imperial" ? "weightLb" : "weightKg";
  return {
    date,
    durationMin: numberOrText(draft.durationMin),
    intensity: draft.intensity,
    exercises: draft.exercises.map((item) => ({
      exerciseId: item.exercise.id,
      sets: item.sets.map((set) => {
        const reps = numberOrText(set.reps);
        return set.weight.trim() === ""
          ? { reps }
          : { reps, [weightField]: numberOrText(set.weight) };
      }),
    })),
  } satisfies Partial<Record<keyof WorkoutCreate, unknown>>;
}

function numberOrText(text: string): number | string {
  return parseLocalizedNumber(text) ?? text;
}
