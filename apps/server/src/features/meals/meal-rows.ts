import { and, asc, eq, inArray } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Meal } from "@fitcoach/contract";

import type { Executor } from "../../platform/database";
import { notFound } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import { toMealItem, totalsOf } from "./meal-items";
import type { ItemValues } from "./meal-items";
import { mealItems, meals } from "./meals.tables";
import type { MealItemRow, MealRow } from "./meals.tables";

/** Loads meals matching a condition with their items in two queries, oldest first. */
export async function loadMeals(executor: Executor, where: SQL | undefined): Promise<Meal[]> {
  const rows = await executor
    .select()
    .from(meals)
    .where(where)
    .orderBy(asc(meals.date), asc(meals.createdAt), asc(meals.id));
  if (rows.length === 0) return [];

  const itemRows = await executor
    .select()
    .from(mealItems)
    .where(
      inArray(
        mealItems.mealId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(mealItems.mealId), asc(mealItems.position));
  const itemsByMeal = new Map<string, MealItemRow[]>();
  for (const item of itemRows) {
    const list = itemsByMeal.get(item.mealId) ?? [];
    list.push(item);
    itemsByMeal.set(item.mealId, list);
  }
  return rows.map((row) => toMeal(row, itemsByMeal.get(row.id) ?? []));
}

/** Loads one of the user's meals; another user's meal is not found, exactly like a missing one. */
export async function loadOwnedMeal(
  executor: Executor,
  userId: string,
  mealId: string,
): Promise<Meal> {
  const [meal] = await loadMeals(executor, and(eq(meals.id, mealId), eq(meals.userId, userId)));
  if (!meal) throw notFound(`Meal ${mealId}`);
  return meal;
}

export function toMeal(row: MealRow, items: MealItemRow[]): Meal {
  return {
    id: row.id,
    date: row.date,
    type: row.type,
    note: row.note,
    items: items.map(toMealItem),
    totals: totalsOf(items),
    photo:
      row.photoFile === null
        ? null
        : {
            url: `/api/v1/meals/${row.id}/photo`,
            contentType: "image/jpeg",
            width: row.photoWidth ?? 0,
            height: row.photoHeight ?? 0,
            bytes: row.photoBytes ?? 0,
          },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function insertMealItems(
  executor: Executor,
  userId: string,
  mealId: string,
  items: ItemValues[],
): Promise<void> {
  if (items.length === 0) return;
  await executor
    .insert(mealItems)
    .values(items.map((item, index) => ({ ...item, userId, mealId, position: index + 1 })));
}

/** The condition for a write to one of the user's meals at the version the client last saw. */
export function ownedMealAtVersion(
  userId: string,
  mealId: string,
  expectedVersion: number | null,
): SQL | undefined {
  return and(
    eq(meals.id, mealId),
    eq(meals.userId, userId),
    expectedVersion === null ? undefined : eq(meals.version, expectedVersion),
  );
}

/** Explains why a guarded write changed no row: the meal is gone (404) or was changed (412). */
export async function throwMissingOrChangedMeal(
  executor: Executor,
  userId: string,
  mealId: string,
): Promise<never> {
  const rows = await executor
    .select({ id: meals.id })
    .from(meals)
    .where(and(eq(meals.id, mealId), eq(meals.userId, userId)));
  if (rows.length > 0) throw versionConflict(`Meal ${mealId}`);
  throw notFound(`Meal ${mealId}`);
}
