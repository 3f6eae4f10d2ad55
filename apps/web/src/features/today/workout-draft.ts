import type { Me, WorkoutSetInput } from "@fitcoach/contract";

import { parseNumberInput } from "./number-input";

/** Measure of an exercise's sets: repetitions with a load, or time and distance. */
export type SetMode = "load" | "time";

/** One set row as typed; empty strings are fields left blank. */
export interface DraftSet {
  key: string;
  reps: string;
  weight: string;
  minutes: string;
  distanceKm: string;
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
    distanceKm: previous?.distanceKm ?? "",
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
    const distanceKm = parseNumberInput(set.distanceKm);
    const durationSec = minutes === undefined ? undefined : Math.round(minutes * 60);
    const distance = distanceKm === undefined ? {} : { distanceM: distanceKm * 1000 };
    return { durationSec, ...distance } as WorkoutSetInput;
  }

  const reps = parseNumberInput(set.reps);
  const weight = parseNumberInput(set.weight);
  if (weight === undefined) return { reps } as WorkoutSetInput;
  if (units === "imperial") return { reps, weightLb: weight } as WorkoutSetInput;
  return { reps, weightKg: weight } as WorkoutSetInput;
}
