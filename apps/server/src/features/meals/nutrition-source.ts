import {
  customFoodRecordSchema,
  mealRecordSchema,
  savedMealRecordSchema,
} from "@fitcoach/contract";

import { parseRecordRows } from "../data-transfer/record-rows";
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
          const records = parseRecordRows(customFoodRecordSchema, "customFoods", rows);
          const before = await deps.customFoods.exportRows(userId, tx);
          const ids = await deps.customFoods.importRows(tx, userId, records);
          for (const [oldId, newId] of ids) context.idMap.set(oldId, newId);
          // The id map also lists portions and foods that matched existing ones, so a food counts
          // as added only when its id in this account was not among the foods before the import.
          const known = new Set(before.map((food) => food.id));
          return records.filter((record) => !known.has(ids.get(record.id) ?? record.id)).length;
        },
      },
      {
        name: "meals",
        exportRows: async (userId) => toRows(await deps.meals.exportRows(userId)),
        importRows: (tx, userId, rows, context) =>
          deps.meals.importRows(tx, userId, parseRecordRows(mealRecordSchema, "meals", rows), {
            foodIds: context.idMap,
            timeZone: context.timeZone,
          }),
      },
      {
        name: "savedMeals",
        exportRows: async (userId) => toRows(await deps.savedMeals.exportRows(userId)),
        importRows: (tx, userId, rows, context) =>
          deps.savedMeals.importRows(
            tx,
            userId,
            parseRecordRows(savedMealRecordSchema, "savedMeals", rows),
            {
              foodIds: context.idMap,
            },
          ),
      },
    ],
  };
}

function toRows(records: object[]): Record<string, unknown>[] {
  return records as Record<string, unknown>[];
}
