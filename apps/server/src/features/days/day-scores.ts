import type { DayCard } from "@fitcoach/contract";

import { sessionLoad } from "../workouts/workout-math";

type Component = DayCard["wellness"]["components"][number];

/** Weights of the wellness components; those without data drop out and the rest are rescaled. */
const WEIGHTS: Record<Component["name"], number> = {
  sleep: 0.3,
  mood: 0.25,
  water: 0.15,
  nutrition: 0.15,
  activity: 0.15,
};
export const DEFAULT_SLEEP_GOAL_MIN = 8 * 60;
export const DEFAULT_STEPS_GOAL = 8_000;
/** Training load that scores 100 effort: an hour at intensity 5. */
const EFFORT_FULL_LOAD = 600;

export interface ScoreInputs {
  sleep: { durationMin: number; quality: number }[];
  mood: { score: number; energy: number | null; stress: number | null }[];
  waterMl: number;
  waterGoalMl: number;
  kcal: number;
  kcalGoal: number | null;
  hasMeals: boolean;
  steps: number | null;
  stepsGoal: number | null;
  sleepGoalMin: number | null;
  workouts: { durationMin: number; intensity: number }[];
}

function clampScore(value: number): number {
  return Math.max(0, Math.min(100, Math.round(value)));
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Effort of a day: the summed session load, scaled so that a load of 600 scores 100. */
export function effortOf(workouts: ScoreInputs["workouts"]): DayCard["effort"] {
  const load = workouts.reduce(
    (sum, item) => sum + sessionLoad(item.durationMin, item.intensity),
    0,
  );
  return {
    score: clampScore((load / EFFORT_FULL_LOAD) * 100),
    load,
    workouts: workouts.length,
    explanation:
      "Training load is minutes × intensity × 2 summed over the day's workouts; 600 (an hour at intensity 5) scores 100.",
  };
}

/**
 * Wellness from what was logged: sleep (duration against the goal, quality), mood (score, energy,
 * stress), water against the goal, energy intake against the kcal goal, and activity (steps
 * against the goal or effort). Each part scores 0 to 100; missing parts are left out.
 */
export function wellnessOf(inputs: ScoreInputs, effortScore: number): DayCard["wellness"] {
  const components: Omit<Component, "weight">[] = [];

  if (inputs.sleep.length > 0) {
    const target = inputs.sleepGoalMin ?? DEFAULT_SLEEP_GOAL_MIN;
    const minutes = inputs.sleep.reduce((sum, night) => sum + night.durationMin, 0);
    const quality = mean(inputs.sleep.map((night) => night.quality));
    const score = 0.6 * Math.min(minutes / target, 1) * 100 + 0.4 * ((quality - 1) / 4) * 100;
    components.push({
      name: "sleep",
      score: clampScore(score),
      actual: minutes,
      target,
      explanation: `${minutes} of ${target} minutes slept (60 %) and quality ${quality.toFixed(1)} of 5 (40 %).`,
    });
  }

  if (inputs.mood.length > 0) {
    const parts = inputs.mood.flatMap((entry) => [
      (entry.score - 1) / 4,
      ...(entry.energy === null ? [] : [(entry.energy - 1) / 4]),
      ...(entry.stress === null ? [] : [(5 - entry.stress) / 4]),
    ]);
    const average = mean(inputs.mood.map((entry) => entry.score));
    components.push({
      name: "mood",
      score: clampScore(mean(parts) * 100),
      actual: Math.round(average * 10) / 10,
      target: 5,
      explanation: "Mean of mood, energy and inverted stress, each on 1 to 5.",
    });
  }

  if (inputs.waterMl > 0) {
    components.push({
      name: "water",
      score: clampScore(Math.min(inputs.waterMl / inputs.waterGoalMl, 1) * 100),
      actual: inputs.waterMl,
      target: inputs.waterGoalMl,
      explanation: `${inputs.waterMl} of ${inputs.waterGoalMl} ml drunk.`,
    });
  }

  if (inputs.hasMeals && inputs.kcalGoal) {
    const offBy = Math.abs(inputs.kcal - inputs.kcalGoal) / inputs.kcalGoal;
    components.push({
      name: "nutrition",
      score: clampScore(100 - offBy * 200),
      actual: Math.round(inputs.kcal),
      target: inputs.kcalGoal,
      explanation: "Energy intake against the kcal goal; every 10 % off costs 20 points.",
    });
  }

  if (inputs.steps !== null || inputs.workouts.length > 0) {
    const stepsGoal = inputs.stepsGoal ?? DEFAULT_STEPS_GOAL;
    const stepScore = inputs.steps === null ? 0 : Math.min(inputs.steps / stepsGoal, 1) * 100;
    components.push({
      name: "activity",
      score: clampScore(Math.max(stepScore, effortScore)),
      actual: inputs.steps,
      target: stepsGoal,
      explanation: `The better of steps against ${stepsGoal} and the effort score.`,
    });
  }

  const totalWeight = components.reduce((sum, item) => sum + WEIGHTS[item.name], 0);
  const weighted = components.map((item) => ({
    ...item,
    weight: Math.round((WEIGHTS[item.name] / totalWeight) * 1000) / 1000,
  }));
  const score =
    components.length === 0
      ? null
      : clampScore(
          components.reduce((sum, item) => sum + item.score * WEIGHTS[item.name], 0) / totalWeight,
        );
  return {
    score,
    components: weighted,
    explanation:
      components.length === 0
        ? "Nothing logged yet that the wellness score uses (sleep, mood, water, meals, activity)."
        : "Weighted mean of the parts logged today: sleep 30 %, mood 25 %, water, nutrition and activity 15 % each, rescaled to the parts present.",
  };
}
