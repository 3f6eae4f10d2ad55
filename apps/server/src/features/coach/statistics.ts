import type { CoachDay } from "./coach-data";

/** Pairs fewer than this give no correlation; with so few days r is mostly noise. */
export const CORRELATION_MIN_DAYS = 5;
/** Weight readings needed before a trend is reported. */
export const TREND_MIN_READINGS = 3;

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Pearson's r of paired samples, or null when there are too few or one side is constant. */
export function pearson(pairs: readonly [number, number][]): number | null {
  if (pairs.length < CORRELATION_MIN_DAYS) return null;

  const meanX = mean(pairs.map(([x]) => x))!;
  const meanY = mean(pairs.map(([, y]) => y))!;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (const [x, y] of pairs) {
    covariance += (x - meanX) * (y - meanY);
    varianceX += (x - meanX) ** 2;
    varianceY += (y - meanY) ** 2;
  }
  if (varianceX === 0 || varianceY === 0) return null;
  return covariance / Math.sqrt(varianceX * varianceY);
}

/** Least-squares slope of y over x, or null with fewer than two distinct x values. */
export function slope(points: readonly [number, number][]): number | null {
  if (points.length < 2) return null;

  const meanX = mean(points.map(([x]) => x))!;
  const meanY = mean(points.map(([, y]) => y))!;
  let numerator = 0;
  let denominator = 0;
  for (const [x, y] of points) {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  }
  return denominator === 0 ? null : numerator / denominator;
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Plain statistics over a run of day cards; every number is rounded as the coach cites it. */
export interface DayStatistics {
  daysLogged: number;
  averages: {
    kcal: number | null;
    protein: number | null;
    fiber: number | null;
    waterMl: number | null;
    sleepHours: number | null;
    steps: number | null;
    mood: number | null;
  };
  workouts: { count: number; minutes: number };
  /** Weight change per week from a least-squares line through the readings. */
  weightTrend: { kgPerWeek: number; readings: number; firstKg: number; lastKg: number } | null;
  /** Pearson's r between hours slept and the mood score of the same day. */
  sleepMood: { r: number; days: number } | null;
  adherence: {
    /** Days with meals logged and energy within 10 % of the target. */
    kcalDays: number | null;
    /** Days with at least 90 % of the protein target. */
    proteinDays: number | null;
    /** Days with water at or above the goal. */
    waterDays: number;
    /** Days with meals logged, the base of the two nutrition counts. */
    nutritionDays: number;
  };
}

/** Computes averages, trends, correlations and adherence over the days given. */
export function describeDays(
  days: readonly CoachDay[],
  targets: { kcal: number; protein: number } | null,
  waterGoalMl: number,
): DayStatistics {
  const nutrition = days.flatMap((day) => (day.nutrition ? [day.nutrition] : []));
  const average = (values: number[], digits = 0): number | null => {
    const value = mean(values);
    return value === null ? null : round(value, digits);
  };

  const weights = days.flatMap((day) =>
    day.weightKg === null ? [] : [[dayNumber(day.date), day.weightKg] as [number, number]],
  );
  const weightSlope = weights.length >= TREND_MIN_READINGS ? slope(weights) : null;

  const sleepMoodPairs = days.flatMap((day) =>
    day.sleep && day.mood
      ? [[day.sleep.durationMinutes / 60, day.mood.score] as [number, number]]
      : [],
  );
  const r = pearson(sleepMoodPairs);

  const workouts = days.flatMap((day) => day.workouts);
  return {
    daysLogged: days.length,
    averages: {
      kcal: average(nutrition.map((item) => item.kcal)),
      protein: average(nutrition.map((item) => item.protein)),
      fiber: average(nutrition.map((item) => item.fiber)),
      waterMl: average(days.flatMap((day) => (day.waterMl === null ? [] : [day.waterMl]))),
      sleepHours: average(
        days.flatMap((day) => (day.sleep ? [day.sleep.durationMinutes / 60] : [])),
        1,
      ),
      steps: average(days.flatMap((day) => (day.steps === null ? [] : [day.steps]))),
      mood: average(
        days.flatMap((day) => (day.mood ? [day.mood.score] : [])),
        1,
      ),
    },
    workouts: {
      count: workouts.length,
      minutes: workouts.reduce((sum, workout) => sum + (workout.durationMinutes ?? 0), 0),
    },
    weightTrend:
      weightSlope === null
        ? null
        : {
            kgPerWeek: round(weightSlope * 7, 2),
            readings: weights.length,
            firstKg: weights[0]![1],
            lastKg: weights.at(-1)![1],
          },
    sleepMood: r === null ? null : { r: round(r, 2), days: sleepMoodPairs.length },
    adherence: {
      kcalDays: targets
        ? nutrition.filter((item) => Math.abs(item.kcal - targets.kcal) <= targets.kcal * 0.1)
            .length
        : null,
      proteinDays: targets
        ? nutrition.filter((item) => item.protein >= targets.protein * 0.9).length
        : null,
      waterDays: days.filter((day) => day.waterMl !== null && day.waterMl >= waterGoalMl).length,
      nutritionDays: nutrition.length,
    },
  };
}
