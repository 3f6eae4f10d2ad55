import type { DailyNutrition, Meal, NutrientTotals } from "@fitcoach/contract";

import type { Executor } from "../../platform/database";

export type { DailyNutrition };

/** State shared by the sections of one import, such as old ids mapped to new ones. */
export interface ImportContext {
  idMap: Map<string, string>;
  /** Time zone of the account the rows are imported into, for date checks. */
  timeZone: string;
}

/**
 * One named part of the export document and of the CSV zip: a feature's rows of one user, and
 * the code that adds such rows back. Sections export plain JSON values with the ids the rows
 * had. Importers give the rows new ids and add nothing for a row whose natural key exists.
 */
export interface DataSection {
  name: string;
  exportRows(userId: string): Promise<Record<string, unknown>[]>;
  /** Adds the rows inside the import's transaction; returns how many rows were added. */
  importRows(
    tx: Executor,
    userId: string,
    rows: Record<string, unknown>[],
    context: ImportContext,
  ): Promise<number>;
}

/**
 * Meal data for the daily card, statistics and export, provided by the meals feature. Totals are in kcal
 * and grams, and a day is a local date in the user's time zone.
 */
export interface NutritionSource {
  listDay(userId: string, date: string): Promise<{ meals: Meal[]; totals: NutrientTotals }>;
  /** Totals per day with meals, aggregated in SQL; days without meals are left out. */
  dailyTotals(userId: string, fromDate: string, toDate: string): Promise<DailyNutrition[]>;
  /** Sections in import order (custom foods before the meals that use them). */
  sections: DataSection[];
}

export const ZERO_TOTALS: NutrientTotals = {
  kcal: 0,
  protein: 0,
  carbs: 0,
  fat: 0,
  fiber: 0,
  sugar: 0,
  sodiumMg: 0,
  saturatedFat: 0,
  incomplete: [],
};

/** Source with no meals, for tests of features that read nutrition but are not about meals. */
export const emptyNutritionSource: NutritionSource = {
  async listDay() {
    return { meals: [], totals: { ...ZERO_TOTALS } };
  },
  async dailyTotals() {
    return [];
  },
  sections: [],
};
