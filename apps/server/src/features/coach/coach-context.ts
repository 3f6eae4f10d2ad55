import type { CoachArea, CoachAreas, Targets } from "@fitcoach/contract";

import type { CoachDay, CoachGoals } from "./coach-data";
import type { DayStatistics } from "./statistics";

/**
 * Data the coach uses about one user for one request. It is loaded for the requesting
 * user only (coach.service.ts passes that user's id to every source), so no prompt can reach
 * another account's rows.
 */
export interface CoachContext {
  today: string;
  targets: Targets | null;
  goals: CoachGoals | null;
  waterGoalMl: number;
  days: CoachDay[];
  statistics: DayStatistics;
}

/**
 * The part of a context an external model may see, as plain JSON, and the consent areas it
 * contains. Areas map to fields like this:
 * - meals: meals with foods and grams, daily nutrition totals, water, nutrition goals; with
 *   weight also the computed targets (they reveal body weight);
 * - workouts: workouts, exercises and sets, steps, training goals;
 * - sleep: sleep duration and quality, the sleep goal;
 * - mood: mood score and tags; with sleep also the sleep-mood correlation;
 * - weight: body weight, its trend and the target weight;
 * - notes: every free-text note (day, meal, workout, mood), each only together with its area.
 * The profile (birth date, sex, height), names and email are never sent.
 */
export interface ModelData {
  data: Record<string, unknown>;
  areas: CoachArea[];
}

function allowedAreas(consent: CoachAreas): CoachArea[] {
  return (Object.keys(consent) as CoachArea[]).filter((area) => consent[area]);
}

function dayForModel(day: CoachDay, consent: CoachAreas): Record<string, unknown> | null {
  const notes = consent.notes;
  const entry: Record<string, unknown> = { date: day.date };
  if (consent.meals) {
    entry.meals = day.meals.map((meal) => ({
      slot: meal.slot,
      items: meal.items.map((item) => ({ name: item.name, grams: item.grams })),
      totals: meal.totals,
      ...(notes && meal.note ? { note: meal.note } : {}),
    }));
    entry.nutrition = day.nutrition;
    entry.waterMl = day.waterMl;
  }
  if (consent.workouts) {
    entry.workouts = day.workouts.map((workout) => ({
      name: workout.name,
      durationMinutes: workout.durationMinutes,
      exercises: workout.exercises.map((exercise) => ({
        name: exercise.name,
        sets: exercise.sets,
      })),
      ...(notes && workout.note ? { note: workout.note } : {}),
    }));
    entry.steps = day.steps;
  }
  if (consent.sleep) entry.sleep = day.sleep;
  if (consent.mood && day.mood) {
    entry.mood = {
      score: day.mood.score,
      tags: day.mood.tags,
      ...(notes && day.mood.note ? { note: day.mood.note } : {}),
    };
  }
  if (consent.weight) entry.weightKg = day.weightKg;
  if (notes && day.note) entry.note = day.note;
  return Object.keys(entry).length > 1 ? entry : null;
}

function goalsForModel(goals: CoachGoals | null, consent: CoachAreas): Record<string, unknown> {
  if (!goals) return {};
  const result: Record<string, unknown> = {};
  if (consent.meals) {
    Object.assign(result, {
      kcal: goals.kcal,
      protein: goals.protein,
      carbs: goals.carbs,
      fat: goals.fat,
      waterMl: goals.waterMl,
    });
  }
  if (consent.workouts)
    Object.assign(result, { steps: goals.steps, weeklyWorkouts: goals.weeklyWorkouts });
  if (consent.sleep) result.sleepMinutes = goals.sleepMinutes;
  if (consent.weight)
    Object.assign(result, { goal: goals.goal, targetWeightKg: goals.targetWeightKg });
  return result;
}

function statisticsForModel(
  statistics: DayStatistics,
  consent: CoachAreas,
): Record<string, unknown> {
  const { averages } = statistics;
  const result: Record<string, unknown> = {};
  if (consent.meals) {
    Object.assign(result, {
      averageKcal: averages.kcal,
      averageProtein: averages.protein,
      averageFiber: averages.fiber,
      averageWaterMl: averages.waterMl,
      adherence: statistics.adherence,
    });
  }
  if (consent.workouts)
    Object.assign(result, { averageSteps: averages.steps, workouts: statistics.workouts });
  if (consent.sleep) result.averageSleepHours = averages.sleepHours;
  if (consent.mood) result.averageMood = averages.mood;
  if (consent.weight) result.weightTrend = statistics.weightTrend;
  if (consent.sleep && consent.mood) result.sleepMoodCorrelation = statistics.sleepMood;
  return result;
}

/** Reduces a context to the consented areas, for a prompt to an external model. */
export function dataForModel(context: CoachContext, consent: CoachAreas): ModelData {
  const days = context.days.flatMap((day) => {
    const entry = dayForModel(day, consent);
    return entry ? [entry] : [];
  });
  const data: Record<string, unknown> = {
    today: context.today,
    days,
    goals: goalsForModel(context.goals, consent),
    statistics: statisticsForModel(context.statistics, consent),
  };
  if (consent.meals) data.waterGoalMl = context.waterGoalMl;
  if (consent.meals && consent.weight && context.targets) {
    const { rule: _rule, ...targets } = context.targets;
    data.targets = targets;
  }
  return { data, areas: allowedAreas(consent) };
}
