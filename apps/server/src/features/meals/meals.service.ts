import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type {
  DailyNutrition,
  Meal,
  MealCreate,
  MealPatch,
  MealRecord,
  NutrientTotals,
} from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { rowsOf } from "../../platform/database";
import { decimalFromNumber, formatDecimal } from "../../platform/decimal";
import { assertLoggableDate } from "../../platform/local-date";
import type { FoodsService } from "../foods/foods.service";
import { resolveItems, totalsOf } from "./meal-items";
import type { ItemValues } from "./meal-items";
import type { MealPhotoStore } from "./meal-photo-files";
import { importMealRecords, readMealRecords } from "./meal-records";
import {
  insertMealItems,
  loadMeals,
  loadOwnedMeal,
  ownedMealAtVersion,
  throwMissingOrChangedMeal,
} from "./meal-rows";
import { mealItems, meals } from "./meals.tables";

/** Meals of one local day and their nutrient totals, as the daily card shows them. */
export interface MealDayView {
  meals: Meal[];
  totals: NutrientTotals;
}

export interface MealsService {
  createMeal(userId: string, timeZone: string, input: MealCreate): Promise<Meal>;
  /** One of the user's meals, or null for a missing meal and for another user's meal alike. */
  getMeal(userId: string, mealId: string): Promise<Meal | null>;
  updateMeal(
    userId: string,
    timeZone: string,
    mealId: string,
    patch: MealPatch,
    expectedVersion: number | null,
  ): Promise<Meal>;
  deleteMeal(userId: string, mealId: string, expectedVersion: number | null): Promise<void>;
  /** The meals of a local date (YYYY-MM-DD) in logging order, with the day's totals. */
  listDay(userId: string, date: string): Promise<MealDayView>;
  /**
   * Nutrient sums per local date from `fromDate` to `toDate` (both included), computed in SQL.
   * Dates without meals are left out; a day whose items all lack a nutrient has null for it.
   */
  dailyTotals(userId: string, fromDate: string, toDate: string): Promise<DailyNutrition[]>;
  /** The user's meals with their items in the export shape, oldest first. */
  exportRows(userId: string): Promise<MealRecord[]>;
  /**
   * Adds exported meals inside the caller's transaction and returns how many were added. Item
   * values are kept as exported, not recomputed. A meal with the same date, type and creation
   * time as an existing one is skipped, so importing a file twice adds nothing. `foodIds` maps
   * exported custom food and portion ids to the ids the custom foods import gave them.
   */
  importRows(
    tx: Executor,
    userId: string,
    rows: MealRecord[],
    options: { foodIds: Map<string, string>; timeZone: string },
  ): Promise<number>;
  /** Inserts a meal with already resolved items; saved meals log through this. */
  insertMeal(
    tx: Executor,
    userId: string,
    meal: { date: string; type: Meal["type"]; note: string | null },
    items: ItemValues[],
  ): Promise<string>;
}

export interface MealsServiceDependencies {
  db: Database;
  clock: Clock;
  foods: FoodsService;
  photos: MealPhotoStore;
}

export function createMealsService(deps: MealsServiceDependencies): MealsService {
  const { db, clock } = deps;

  async function insertMeal(
    tx: Executor,
    userId: string,
    meal: { date: string; type: Meal["type"]; note: string | null },
    items: ItemValues[],
  ): Promise<string> {
    const now = clock.now();
    const [inserted] = await tx
      .insert(meals)
      .values({ userId, ...meal, createdAt: now, updatedAt: now })
      .returning({ id: meals.id });
    await insertMealItems(tx, userId, inserted!.id, items);
    return inserted!.id;
  }

  return {
    insertMeal,

    async createMeal(userId, timeZone, input) {
      assertLoggableDate(input.date, timeZone, clock.now());

      return db.transaction(async (tx) => {
        const items = await resolveItems(deps.foods, tx, userId, input.items);
        const mealId = await insertMeal(tx, userId, input, items);
        return loadOwnedMeal(tx, userId, mealId);
      });
    },

    async getMeal(userId, mealId) {
      const [meal] = await loadMeals(db, and(eq(meals.id, mealId), eq(meals.userId, userId)));
      return meal ?? null;
    },

    async updateMeal(userId, timeZone, mealId, patch, expectedVersion) {
      if (patch.date !== undefined) assertLoggableDate(patch.date, timeZone, clock.now());

      return db.transaction(async (tx) => {
        const items =
          patch.items === undefined
            ? undefined
            : await resolveItems(deps.foods, tx, userId, patch.items);
        const changes: PgUpdateSetSource<typeof meals> = {
          updatedAt: clock.now(),
          version: sql`${meals.version} + 1`,
        };
        if (patch.date !== undefined) changes.date = patch.date;
        if (patch.type !== undefined) changes.type = patch.type;
        if (patch.note !== undefined) changes.note = patch.note;

        const updated = await tx
          .update(meals)
          .set(changes)
          .where(ownedMealAtVersion(userId, mealId, expectedVersion))
          .returning({ id: meals.id });
        if (updated.length === 0) await throwMissingOrChangedMeal(tx, userId, mealId);

        if (items !== undefined) {
          await tx.delete(mealItems).where(eq(mealItems.mealId, mealId));
          await insertMealItems(tx, userId, mealId, items);
        }
        return loadOwnedMeal(tx, userId, mealId);
      });
    },

    async deleteMeal(userId, mealId, expectedVersion) {
      const deleted = await db
        .delete(meals)
        .where(ownedMealAtVersion(userId, mealId, expectedVersion))
        .returning({ photoFile: meals.photoFile });
      if (deleted.length === 0) await throwMissingOrChangedMeal(db, userId, mealId);

      const photoFile = deleted[0]!.photoFile;
      if (photoFile) await deps.photos.remove(userId, photoFile);
    },

    async listDay(userId, date) {
      const dayMeals = await loadMeals(db, and(eq(meals.userId, userId), eq(meals.date, date)));
      return { meals: dayMeals, totals: dayTotals(dayMeals) };
    },

    async dailyTotals(userId, fromDate, toDate) {
      if (fromDate > toDate) {
        throw new TypeError(`dailyTotals: fromDate ${fromDate} is after toDate ${toDate}`);
      }
      const result = await db.execute(sql`
        select m.date::text as date,
          sum(i.kcal)::text as kcal, sum(i.protein)::text as protein,
          sum(i.carbs)::text as carbs, sum(i.fat)::text as fat, sum(i.fiber)::text as fiber,
          sum(i.sugar)::text as sugar, sum(i.sodium_mg)::text as "sodiumMg",
          sum(i.saturated_fat)::text as "saturatedFat"
        from ${meals} m
        join ${mealItems} i on i.meal_id = m.id and i.user_id = m.user_id
        where m.user_id = ${userId} and m.date between ${fromDate} and ${toDate}
        group by m.date
        order by m.date
      `);
      return rowsOf<Record<keyof DailyNutrition, string | null>>(result).map((row) => ({
        date: row.date!,
        kcal: numberOrNull(row.kcal),
        protein: numberOrNull(row.protein),
        carbs: numberOrNull(row.carbs),
        fat: numberOrNull(row.fat),
        fiber: numberOrNull(row.fiber),
        sugar: numberOrNull(row.sugar),
        sodiumMg: numberOrNull(row.sodiumMg),
        saturatedFat: numberOrNull(row.saturatedFat),
      }));
    },

    async exportRows(userId) {
      return readMealRecords(db, userId);
    },

    async importRows(tx, userId, rows, options) {
      return importMealRecords(tx, userId, rows, {
        ...options,
        now: clock.now(),
        hasPhotoFile: (fileName) => deps.photos.exists(userId, fileName),
      });
    },
  };
}

function dayTotals(dayMeals: Meal[]): NutrientTotals {
  const items = dayMeals.flatMap((meal) => meal.items);
  return totalsOf(
    items.map((item) => ({
      kcal: textOrNull(item.kcal),
      protein: textOrNull(item.protein),
      carbs: textOrNull(item.carbs),
      fat: textOrNull(item.fat),
      fiber: textOrNull(item.fiber),
      sugar: textOrNull(item.sugar),
      sodiumMg: textOrNull(item.sodiumMg),
      saturatedFat: textOrNull(item.saturatedFat),
    })),
  );
}

function numberOrNull(text: string | null): number | null {
  return text === null ? null : Number(text);
}

function textOrNull(value: number | null): string | null {
  return value === null ? null : formatDecimal(decimalFromNumber(value));
}
