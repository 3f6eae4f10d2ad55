import type { Me, Workout, WorkoutSet, WorkoutSetInput } from "@fitcoach/contract";

import { parseNumberInput } from "./number-input";

/** Metres in a kilometre and in an international mile. */
const METRES_PER_KM = 1_000;
const METRES_PER_MILE = 1_609.344;

/** Measure of an exercise's sets: repetitions with a load, or time and distance. */
export type SetMode = "load" | "time";

/** One set row as typed; empty strings are fields left blank. */
export interface DraftSet {
  key: string;
  reps: string;
  weight: string;
  minutes: string;
  /** Distance in the user's unit: km for metric, miles for imperial. */
  distance: string;
}

export interface DraftExercise {
  key: string;
  exerciseId: string;
  name: string;
  mode: SetMode;
  sets: DraftSet[];
}

let nextKey = 0;

export function newDraftSet(previous?: DraftSet): DraftSet {
  nextKey += 1;
  // A new set copies the one before it, since most sets repeat the same reps and load.
  return {
    key: `set-${nextKey}`,
    reps: previous?.reps ?? "",
    weight: previous?.weight ?? "",
    minutes: previous?.minutes ?? "",
    distance: previous?.distance ?? "",
  };
}

export function newDraftExercise(exerciseId: string, name: string, mode: SetMode): DraftExercise {
  nextKey += 1;
  return { key: `exercise-${nextKey}`, exerciseId, name, mode, sets: [newDraftSet()] };
}

/**
 * Converts a set row to the API's form. The load goes in the user's unit, so it reads back exactly
 * as typed. Values that are not numbers pass through as NaN for the schema to reject.
 */
export function toSetInput(set: DraftSet, mode: SetMode, units: Me["units"]): WorkoutSetInput {
  if (mode === "time") {
    const minutes = parseNumberInput(set.minutes);
    const distance = parseNumberInput(set.distance);
    const durationSec = minutes === undefined ? undefined : Math.round(minutes * 60);
    if (distance === undefined) return { durationSec } as WorkoutSetInput;
    // The API stores metres with two decimals, which keeps a typed mile distance to 0.01 m.
    const distanceM = Math.round(distance * metresPerDistanceUnit(units) * 100) / 100;
    return { durationSec, distanceM } as WorkoutSetInput;
  }

  const reps = parseNumberInput(set.reps);
  const weight = parseNumberInput(set.weight);
  if (weight === undefined) return { reps } as WorkoutSetInput;
  if (units === "imperial") return { reps, weightLb: weight } as WorkoutSetInput;
  return { reps, weightKg: weight } as WorkoutSetInput;
}

/** Returns the metres in one distance unit of the user: a kilometre, or a mile for imperial. */
export function metresPerDistanceUnit(units: Me["units"]): number {
  return units === "imperial" ? METRES_PER_MILE : METRES_PER_KM;
}

/** Builds draft rows of a logged workout's exercises, with values in the user's units. */
export function draftExercisesOf(workout: Workout, units: Me["units"]): DraftExercise[] {
  return workout.exercises.map((exercise) => {
    const mode: SetMode = exercise.sets.some((set) => set.durationSec !== null) ? "time" : "load";
    nextKey += 1;
    return {
      key: `exercise-${nextKey}`,
      exerciseId: exercise.exerciseId ?? "",
      name: exercise.name,
      mode,
      sets: exercise.sets.map((set) => draftSetOf(set, units)),
    };
  });
}

function draftSetOf(set: WorkoutSet, units: Me["units"]): DraftSet {
  nextKey += 1;
  const weight = units === "imperial" ? set.weightLb : set.weightKg;
  const distance =
    set.distanceM === null
      ? ""
      : String(Math.round((set.distanceM / metresPerDistanceUnit(units)) * 100) / 100);
  return {
    key: `set-${nextKey}`,
    reps: set.reps === null ? "" : String(set.reps),
    weight: weight === null ? "" : String(weight),
    minutes: set.durationSec === null ? "" : String(Math.round((set.durationSec / 60) * 100) / 100),
    distance,
  };
}
