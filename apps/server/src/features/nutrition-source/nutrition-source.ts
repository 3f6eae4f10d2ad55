import type { NutritionTotals } from "@fitcoach/contract";

import type { Executor } from "../../platform/database";

/** Nutrient totals of one local day. */
export interface DailyNutrition extends NutritionTotals {
  date: string;
}

/** State shared by the sections of one import, such as old ids mapped to new ones. */
export interface ImportContext {
  idMap: Map<string, string>;
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
  listDay(userId: string, date: string): Promise<{ meals: unknown[]; totals: NutritionTotals }>;
  /** Totals per day with meals, aggregated in SQL; days without meals are left out. */
  dailyTotals(userId: string, fromDate: string, toDate: string): Promise<DailyNutrition[]>;
  /** Sections in import order (custom foods before the meals that use them). */
  sections: DataSection[];
}

export const ZERO_TOTALS: NutritionTotals = { kcal: 0, protein: 0, carbs: 0, fat: 0, fiber: 0 };

/**
 * Stand-in used until the meals feature provides the real source: no meals, no totals, no
 * sections.
 */
// TODO: replace with the meals service's NutritionSource in services.ts when meals are merged.
export const emptyNutritionSource: NutritionSource = {
  async listDay() {
    return { meals: [], totals: { ...ZERO_TOTALS } };
  },
  async dailyTotals() {
    return [];
  },
  sections: [],
};
