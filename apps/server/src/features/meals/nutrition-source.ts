import type { CustomFoodRecord, MealRecord, SavedMealRecord } from "@fitcoach/contract";

import type { CustomFoodsService } from "../foods/custom-foods.service";
import type { NutritionSource } from "../nutrition-source/nutrition-source";
import type { MealsService } from "./meals.service";
import type { SavedMealsService } from "./saved-meals.service";

/**
 * Offers the meals feature to the daily card, statistics and export as a NutritionSource. The
 * export sections come in import order: custom foods first, because meals and saved meals refer
 * to them, and the old-to-new food ids they get travel in the import context's id map.
 */
export function createMealsNutritionSource(deps: {
  meals: MealsService;
  customFoods: CustomFoodsService;
  savedMeals: SavedMealsService;
}): NutritionSource {
  return {
    listDay: (userId, date) => deps.meals.listDay(userId, date),
    dailyTotals: (userId, fromDate, toDate) => deps.meals.dailyTotals(userId, fromDate, toDate),
    sections: [
      {
        name: "customFoods",
        exportRows: async (userId) => toRows(await deps.customFoods.exportRows(userId)),
        async importRows(tx, userId, rows, context) {
          const ids = await deps.customFoods.importRows(
            tx,
            userId,
            rows as unknown as CustomFoodRecord[],
          );
          const before = context.idMap.size;
          for (const [oldId, newId] of ids) context.idMap.set(oldId, newId);
          return Math.max(0, context.idMap.size - before);
        },
      },
      {
        name: "meals",
        exportRows: async (userId) => toRows(await deps.meals.exportRows(userId)),
        importRows: (tx, userId, rows, context) =>
          deps.meals.importRows(tx, userId, rows as unknown as MealRecord[], {
            foodIds: context.idMap,
            timeZone: context.timeZone,
          }),
      },
      {
        name: "savedMeals",
        exportRows: async (userId) => toRows(await deps.savedMeals.exportRows(userId)),
        importRows: (tx, userId, rows, context) =>
          deps.savedMeals.importRows(tx, userId, rows as unknown as SavedMealRecord[], {
            foodIds: context.idMap,
          }),
      },
    ],
  };
}

function toRows(records: object[]): Record<string, unknown>[] {
  return records as Record<string, unknown>[];
}
