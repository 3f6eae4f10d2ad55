import { and, asc, eq, sql } from "drizzle-orm";
import type { DayCard, DayPatch } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { versionConflict } from "../../platform/etag";
import { assertLoggableDate, assertReadableDate } from "../../platform/local-date";
import { roundTo } from "../../platform/units";
import type { BodyRow } from "../body/body.tables";
import { toBodyEntry } from "../body/body.service";
import type { EntryAuthor } from "../entries/entry-service";
import type { GoalsRow } from "../goals/goals.tables";
import type { GoalsService } from "../goals/goals.service";
import type { MoodService } from "../mood/mood.service";
import type { MoodRow } from "../mood/mood.tables";
import type { NutritionSource } from "../nutrition-source/nutrition-source";
import { uniqueTags } from "../mood/mood.service";
import type { SleepService } from "../sleep/sleep.service";
import type { SleepRow } from "../sleep/sleep.tables";
import type { StepsService } from "../steps/steps.service";
import type { StepsRow } from "../steps/steps.tables";
import type { WaterService } from "../water/water.service";
import type { WaterRow } from "../water/water.tables";
import { toWorkout } from "../workouts/workouts.service";
import type { WorkoutRow, WorkoutSetRow } from "../workouts/workouts.tables";
import { fromJsonRow, readCardRows } from "./card-query";
import type { CardRows } from "./card-query";
import { effortOf, wellnessOf } from "./day-scores";
import { dayNotes } from "./days.tables";
import type { DayNoteRow } from "./days.tables";

export interface DaysService {
  getCard(author: EntryAuthor, date: string): Promise<DayCard>;
  /** Saves tags and note; returns the whole card with the new version. */
  updateDay(
    author: EntryAuthor,
    date: string,
    patch: DayPatch,
    expected: number | null,
  ): Promise<DayCard>;
  /** Every saved day of a user, for export. */
  allNotes(executor: Executor, userId: string): Promise<DayNoteRow[]>;
}

export function createDaysService(deps: {
  db: Database;
  clock: Clock;
  nutrition: NutritionSource;
  goals: GoalsService;
  water: WaterService;
  sleep: SleepService;
  mood: MoodService;
  steps: StepsService;
}): DaysService {
  async function getCard(author: EntryAuthor, date: string): Promise<DayCard> {
    assertReadableDate(date, deps.clock.now());
    const [rows, nutrition] = await Promise.all([
      readCardRows(deps.db, author.userId, date),
      deps.nutrition.listDay(author.userId, date),
    ]);
    return buildCard(author, date, rows, nutrition);
  }

  function buildCard(
    author: EntryAuthor,
    date: string,
    rows: CardRows,
    nutrition: Awaited<ReturnType<NutritionSource["listDay"]>>,
  ): DayCard {
    const water = rows.water.map((row) => deps.water.toView(fromJsonRow<WaterRow>(row)));
    const sleep = rows.sleep.map((row) => deps.sleep.toView(fromJsonRow<SleepRow>(row)));
    const mood = rows.mood.map((row) => deps.mood.toView(fromJsonRow<MoodRow>(row)));
    const body = rows.body.map((row) => toBodyEntry(fromJsonRow<BodyRow>(row)));
    const steps = rows.steps.map((row) => deps.steps.toView(fromJsonRow<StepsRow>(row)));
    const workouts = rows.workouts.map((item) =>
      toWorkout(
        fromJsonRow<WorkoutRow>(item.workout),
        item.sets.map((set) => fromJsonRow<WorkoutSetRow>(set)),
      ),
    );
    const note = rows.note ? fromJsonRow<DayNoteRow>(rows.note) : null;
    const goals = deps.goals.toGoals(
      rows.goals ? fromJsonRow<GoalsRow>(rows.goals) : null,
      rows.waterGoalMl,
    );

    const waterMl = water.reduce((sum, entry) => sum + entry.ml, 0);
    const stepTotal = steps.reduce((sum, entry) => sum + entry.count, 0);
    const lastWeighed = [...body].reverse().find((entry) => entry.weightKg !== null);
    const effort = effortOf(workouts);
    const wellness = wellnessOf(
      {
        sleep,
        mood,
        waterMl,
        waterGoalMl: goals.waterMl,
        kcal: nutrition.totals.kcal ?? 0,
        kcalGoal: goals.kcal,
        hasMeals: nutrition.meals.length > 0,
        steps: steps.length > 0 ? stepTotal : null,
        stepsGoal: goals.steps,
        sleepGoalMin: goals.sleepMin,
        workouts,
      },
      effort.score,
    );

    const progress: DayCard["goals"] = [];
    const add = (
      goal: DayCard["goals"][number]["goal"],
      target: number | null,
      actual: number | null,
    ): void => {
      if (target === null) return;
      progress.push({
        goal,
        target,
        actual: actual === null ? null : roundTo(actual, 2),
        // A target of 0 (allowed for weekly workouts) has no meaningful percentage.
        percent: actual === null || target <= 0 ? null : Math.round((actual / target) * 100),
      });
    };
    const hasMeals = nutrition.meals.length > 0;
    add("kcal", goals.kcal, hasMeals ? nutrition.totals.kcal : null);
    add("protein", goals.proteinG, hasMeals ? nutrition.totals.protein : null);
    add("carbs", goals.carbsG, hasMeals ? nutrition.totals.carbs : null);
    add("fat", goals.fatG, hasMeals ? nutrition.totals.fat : null);
    add("fiber", goals.fiberG, hasMeals ? nutrition.totals.fiber : null);
    add("water", goals.waterMl, waterMl);
    add(
      "sleep",
      goals.sleepMin,
      sleep.length > 0 ? sleep.reduce((sum, night) => sum + night.durationMin, 0) : null,
    );
    add("steps", goals.steps, steps.length > 0 ? stepTotal : null);
    add(
      "weight",
      goals.targetWeightKg,
      rows.latestWeightKg === null ? null : roundTo(rows.latestWeightKg, 2),
    );
    add("weeklyWorkouts", goals.weeklyWorkouts, rows.weekWorkouts);

    return {
      date,
      timeZone: author.timeZone,
      version: note?.version ?? 0,
      tags: note?.tags ?? [],
      note: note?.note ?? "",
      wellness,
      effort,
      meals: nutrition.meals,
      totals: nutrition.totals,
      workouts,
      water: { totalMl: waterMl, goalMl: goals.waterMl, entries: water },
      sleep,
      mood,
      body,
      weight: lastWeighed
        ? { kg: lastWeighed.weightKg!, lb: lastWeighed.weightLb!, unit: lastWeighed.weightUnit! }
        : null,
      steps: { total: stepTotal, entries: steps },
      goals: progress,
    };
  }

  return {
    getCard,

    async updateDay(author, date, patch, expected) {
      const now = deps.clock.now();
      assertLoggableDate(date, author.timeZone, now);
      const changes = {
        ...(patch.tags === undefined ? {} : { tags: uniqueTags(patch.tags) }),
        ...(patch.note === undefined ? {} : { note: patch.note }),
      };

      const values = { userId: author.userId, date, ...changes, createdAt: now, updatedAt: now };
      let saved: DayNoteRow[];
      if (expected === null) {
        saved = await deps.db
          .insert(dayNotes)
          .values(values)
          .onConflictDoUpdate({
            target: [dayNotes.userId, dayNotes.date],
            set: { ...changes, version: sql`${dayNotes.version} + 1`, updatedAt: now },
          })
          .returning();
      } else if (expected === 0) {
        // Version 0 stands for "never saved": the insert wins only while no row exists.
        saved = await deps.db.insert(dayNotes).values(values).onConflictDoNothing().returning();
      } else {
        saved = await deps.db
          .update(dayNotes)
          .set({ ...changes, version: sql`${dayNotes.version} + 1`, updatedAt: now })
          .where(
            and(
              eq(dayNotes.userId, author.userId),
              eq(dayNotes.date, date),
              eq(dayNotes.version, expected),
            ),
          )
          .returning();
      }
      if (saved.length === 0) throw versionConflict(`Day ${date}`);
      return getCard(author, date);
    },

    async allNotes(executor, userId) {
      return executor
        .select()
        .from(dayNotes)
        .where(eq(dayNotes.userId, userId))
        .orderBy(asc(dayNotes.date));
    },
  };
}
