import type { CoachDay } from "./coach-data";

/** Sets with more reps than this predict the one-rep max poorly, so estimates skip them. */
export const EPLEY_MAX_REPS = 12;

/** Epley's estimate of the one-rep max from a set of `reps` at `weightKg`. */
export function epleyOneRepMax(weightKg: number, reps: number): number {
  if (reps <= 1) return weightKg;
  return weightKg * (1 + reps / 30);
}

/** Returns the share of the one-rep max that Epley predicts a lifter can move for `reps` reps. */
export function epleyShareForReps(reps: number): number {
  return 1 / (1 + reps / 30);
}

/**
 * Returns the best Epley estimate per catalog exercise over the given days, from sets of 1 to 12
 * reps with a load. Exercises logged without a catalog id are left out.
 */
export function bestOneRepMaxes(days: readonly CoachDay[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const day of days) {
    for (const workout of day.workouts) {
      for (const exercise of workout.exercises) {
        if (!exercise.exerciseId) continue;
        for (const set of exercise.sets) {
          if (!set.reps || !set.weightKg || set.reps > EPLEY_MAX_REPS) continue;
          const estimate = epleyOneRepMax(set.weightKg, set.reps);
          if (estimate > (best.get(exercise.exerciseId) ?? 0)) {
            best.set(exercise.exerciseId, estimate);
          }
        }
      }
    }
  }
  return best;
}
