import type { WorkoutSet } from "@fitcoach/contract";

import { readWeight, roundTo } from "../../platform/units";
import type { WorkoutSetRow } from "./workouts.tables";

/** Highest rep count for which the Epley estimate is given; beyond it the estimate drifts. */
export const EPLEY_MAX_REPS = 12;

/**
 * Estimated one-rep max by Epley's formula, weight × (1 + reps / 30), in the load's unit. A single
 * is its own maximum; sets without load or with more than EPLEY_MAX_REPS reps get null.
 */
export function epleyOneRepMax(weight: number | null, reps: number | null): number | null {
  if (weight === null || reps === null || weight <= 0 || reps < 1 || reps > EPLEY_MAX_REPS) {
    return null;
  }
  if (reps === 1) return weight;
  return weight * (1 + reps / 30);
}

/** Session load: minutes × intensity × 2, which puts intensity 1 to 5 on an RPE-like 2 to 10. */
export function sessionLoad(durationMin: number, intensity: number): number {
  return durationMin * intensity * 2;
}

export function toWorkoutSet(row: WorkoutSetRow): WorkoutSet {
  const weight = readWeight(row.weightValue, row.weightUnit);
  const oneRepMax = epleyOneRepMax(row.weightKg, row.reps);
  return {
    reps: row.reps,
    weightKg: weight.kg,
    weightLb: weight.lb,
    weightUnit: weight.unit,
    durationSec: row.durationSec,
    distanceM: row.distanceM,
    estimatedOneRepMaxKg: oneRepMax === null ? null : roundTo(oneRepMax, 2),
  };
}
