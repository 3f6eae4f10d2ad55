import type { DayCard, Meal } from "@fitcoach/contract";

import type { Database } from "../../platform/database";
import type { Clock } from "../../platform/clock";
import { addDays, todayIn } from "../../platform/local-date";
import type { AccountsService } from "../accounts/accounts.service";
import type { BodyService } from "../body/body.service";
import type { DaysService } from "../days/days.service";
import type { GoalsService } from "../goals/goals.service";
import type { MealsService } from "../meals/meals.service";
import type { CoachDataSource, CoachDay, CoachGoals, MealLogSink } from "./coach-data";
import { RECENT_DAYS_MAX } from "./coach-data";

/** Weight difference from the target below which the goal counts as keeping the weight. */
const KEEP_WEIGHT_TOLERANCE_KG = 1;
// Entry lists cover at most about ten years, so that is the furthest back the coach looks.
const WEIGHT_SEARCH_WINDOWS_DAYS = [31, 366, 3_650];
const WEIGHT_PAGE_SIZE = 1_000;

/**
 * Reads the coach's view of a user's days from the tracking features: one daily card per date,
 * so the coach sees exactly what the user sees on the card, and never another user's rows.
 */
export function createTrackingCoachData(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  days: DaysService;
  goals: GoalsService;
  body: BodyService;
}): CoachDataSource {
  async function timeZoneOf(userId: string): Promise<string> {
    const account = await deps.accounts.findById(deps.db, userId);
    return account?.timeZone ?? "UTC";
  }

  // Entries list oldest first, so the newest weight is looked for in growing windows back from
  // the date. NOTE: a window with more entries than one page can miss its newest weight; a person
  // logs far fewer than WEIGHT_PAGE_SIZE measurements a year.
  async function latestWeight(
    userId: string,
    onOrBefore: string,
  ): Promise<{ date: string; weightKg: number } | null> {
    for (const days of WEIGHT_SEARCH_WINDOWS_DAYS) {
      const from = addDays(onOrBefore, -days);
      const page = await deps.body.list(userId, { from, to: onOrBefore, limit: WEIGHT_PAGE_SIZE });
      const newest = page.items.filter((entry) => entry.weightKg !== null).at(-1);
      if (newest) return { date: newest.date, weightKg: newest.weightKg! };
    }
    return null;
  }

  return {
    async recentDays(userId, fromDate, toDate) {
      const timeZone = await timeZoneOf(userId);
      const dates: string[] = [];
      for (
        let date = fromDate;
        date <= toDate && dates.length < RECENT_DAYS_MAX;
        date = addDays(date, 1)
      ) {
        dates.push(date);
      }
      const cards = await Promise.all(
        dates.map((date) => deps.days.getCard({ userId, timeZone }, date)),
      );
      return cards.map(toCoachDay).filter((day): day is CoachDay => day !== null);
    },

    async goals(userId) {
      const goals = await deps.goals.get(userId);
      const today = todayIn(await timeZoneOf(userId), deps.clock.now());
      const weight = goals.targetWeightKg === null ? null : await latestWeight(userId, today);
      const coachGoals: CoachGoals = {
        goal: bodyGoalOf(goals.targetWeightKg, weight?.weightKg ?? null),
        targetWeightKg: goals.targetWeightKg,
        kcal: goals.kcal,
        protein: goals.proteinG,
        carbs: goals.carbsG,
        fat: goals.fatG,
        waterMl: goals.waterMl,
        steps: goals.steps,
        sleepMinutes: goals.sleepMin,
        weeklyWorkouts: goals.weeklyWorkouts,
      };
      const anySet = Object.entries(coachGoals).some(
        ([key, value]) => key !== "waterMl" && value !== null,
      );
      return anySet ? coachGoals : null;
    },

    latestWeight,
  };
}

/** Writes accepted meal-plan days into the user's meal log through the meals service. */
export function createMealPlanLog(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  meals: MealsService;
}): MealLogSink {
  return {
    async latestLoggableDate(userId) {
      const account = await deps.accounts.findById(deps.db, userId);
      return addDays(todayIn(account?.timeZone ?? "UTC", deps.clock.now()), 1);
    },

    async applyMealPlanDay(userId, date, plannedMeals) {
      const account = await deps.accounts.findById(deps.db, userId);
      const timeZone = account?.timeZone ?? "UTC";
      let created = 0;
      for (const planned of plannedMeals) {
        await deps.meals.createMeal(userId, timeZone, {
          date,
          type: planned.slot,
          items: planned.items.map((item) => ({ foodId: item.foodId, grams: item.grams })),
          note: null,
        });
        created += 1;
      }
      return created;
    },
  };
}

function bodyGoalOf(targetKg: number | null, currentKg: number | null): CoachGoals["goal"] {
  if (targetKg === null || currentKg === null) return null;
  if (targetKg < currentKg - KEEP_WEIGHT_TOLERANCE_KG) return "lose";
  if (targetKg > currentKg + KEEP_WEIGHT_TOLERANCE_KG) return "gain";
  return "keep";
}

function toCoachDay(card: DayCard): CoachDay | null {
  const meals = card.meals.map(toCoachMeal);
  const sleepMinutes = card.sleep.reduce((sum, night) => sum + night.durationMin, 0);
  const lastMood = card.mood.at(-1);
  const lastWeight = [...card.body].reverse().find((entry) => entry.weightKg !== null);
  const day: CoachDay = {
    date: card.date,
    meals,
    nutrition: meals.length > 0 ? numericTotals(card.totals) : null,
    waterMl: card.water.entries.length > 0 ? card.water.totalMl : null,
    workouts: card.workouts.map((workout) => ({
      name: workout.title,
      durationMinutes: workout.durationMin,
      exercises: workout.exercises.map((exercise) => ({
        exerciseId: exercise.exerciseId,
        name: exercise.name,
        sets: exercise.sets.map((set) => ({
          reps: set.reps,
          weightKg: set.weightKg,
          durationSeconds: set.durationSec,
        })),
      })),
      note: workout.notes,
    })),
    steps: card.steps.entries.length > 0 ? card.steps.total : null,
    sleep:
      card.sleep.length > 0
        ? { durationMinutes: sleepMinutes, quality: card.sleep.at(-1)?.quality ?? null }
        : null,
    mood: lastMood
      ? { score: lastMood.score, tags: lastMood.tags, note: lastMood.note || null }
      : null,
    weightKg: lastWeight?.weightKg ?? null,
    note: card.note || null,
  };
  const empty =
    day.meals.length === 0 &&
    day.waterMl === null &&
    day.workouts.length === 0 &&
    day.steps === null &&
    day.sleep === null &&
    day.mood === null &&
    day.weightKg === null &&
    day.note === null;
  return empty ? null : day;
}

function toCoachMeal(meal: Meal): CoachDay["meals"][number] {
  return {
    slot: meal.type,
    items: meal.items.map((item) => ({ foodId: item.foodId, name: item.name, grams: item.grams })),
    totals: numericTotals(meal.totals),
    note: meal.note,
  };
}

// The coach computes with numbers; a nutrient no item knows counts as 0 there.
function numericTotals(totals: DayCard["totals"]): CoachDay["meals"][number]["totals"] {
  return {
    kcal: totals.kcal ?? 0,
    protein: totals.protein ?? 0,
    carbs: totals.carbs ?? 0,
    fat: totals.fat ?? 0,
    fiber: totals.fiber ?? 0,
  };
}
