import { GRAMS_MAX, NUTRIENT_FIELDS } from "@fitcoach/contract";
import type {
  FieldError,
  MealItem,
  MealItemInput,
  MealItemRecord,
  NutrientField,
  NutrientTotals,
} from "@fitcoach/contract";

import type { Executor } from "../../platform/database";
import {
  amountForGrams,
  decimalFromNumber,
  decimalToNumber,
  formatDecimal,
  multiplyDecimals,
  parseDecimal,
} from "../../platform/decimal";
import type { Micros } from "../../platform/decimal";
import { problem } from "../../platform/errors";
import type { FoodsService, LoggableFood } from "../foods/foods.service";

/** An item ready to insert: exact decimal text for every number, null for unknown nutrients. */
export interface ItemValues {
  foodId: string | null;
  portionId: string | null;
  portionLabel: string | null;
  quantity: string | null;
  name: string;
  grams: string;
  kcal: string | null;
  protein: string | null;
  carbs: string | null;
  fat: string | null;
  fiber: string | null;
  sugar: string | null;
  sodiumMg: string | null;
  saturatedFat: string | null;
}

/** A stored item row as both item tables return it. */
export type StoredItem = ItemValues & { id: string; position: number };

const GRAMS_MAX_MICROS = parseDecimal(String(GRAMS_MAX));

/**
 * Turns submitted items into stored values. Nutrients of catalog and custom foods come from the
 * food's per-100 g values and the item's weight, never from the client. Every item is checked
 * before anything is written, and all failures are reported together under `items.<index>`.
 */
export async function resolveItems(
  foods: FoodsService,
  executor: Executor,
  userId: string,
  inputs: MealItemInput[],
): Promise<ItemValues[]> {
  const foodIds = [...new Set(inputs.flatMap((item) => (item.foodId ? [item.foodId] : [])))];
  const found = await foods.findLoggableFoods(executor, userId, foodIds);

  const errors: FieldError[] = [];
  const resolved = inputs.map((input, index) => {
    const result = input.foodId
      ? resolveFoodItem(input, found.get(input.foodId))
      : resolveFreeItem(input);
    if ("field" in result) {
      errors.push({ field: `items.${index}.${result.field}`, message: result.message });
    }
    return result;
  });

  if (errors.length > 0) {
    throw problem("validation-failed", {
      detail: `${errors.length} meal item${errors.length === 1 ? " is" : "s are"} invalid.`,
      errors,
    });
  }
  return resolved as ItemValues[];
}

function resolveFoodItem(
  input: MealItemInput,
  food: LoggableFood | undefined,
): ItemValues | FieldError {
  if (!food) {
    return {
      field: "foodId",
      message: `no food ${input.foodId} exists in the catalog or your foods`,
    };
  }

  let grams: Micros;
  let portionLabel: string | null = null;
  let quantity: Micros | null = null;
  if (input.portionId !== undefined) {
    const portion = food.portions.get(input.portionId);
    if (!portion) {
      return { field: "portionId", message: `is not a portion of food ${food.id}` };
    }
    quantity = decimalFromNumber(input.quantity ?? 1);
    grams = multiplyDecimals(portion.grams, quantity);
    portionLabel =
      portion.amount === parseDecimal("1")
        ? portion.unit
        : `${formatDecimal(portion.amount)} ${portion.unit}`;
    if (grams > GRAMS_MAX_MICROS) {
      return {
        field: "quantity",
        message: `makes ${formatDecimal(grams)} g; an item weighs at most ${GRAMS_MAX} g`,
      };
    }
  } else {
    grams = decimalFromNumber(input.grams!);
  }

  const values = {} as Record<NutrientField, string | null>;
  for (const field of NUTRIENT_FIELDS) {
    const per100g = food.per100g[field];
    values[field] = per100g === null ? null : formatDecimal(amountForGrams(per100g, grams));
  }
  return {
    foodId: food.id,
    portionId: input.portionId ?? null,
    portionLabel,
    quantity: quantity === null ? null : formatDecimal(quantity),
    name: food.name,
    grams: formatDecimal(grams),
    ...values,
  };
}

function resolveFreeItem(input: MealItemInput): ItemValues {
  const values = {} as Record<NutrientField, string | null>;
  for (const field of NUTRIENT_FIELDS) {
    const value = input[field];
    values[field] = value === undefined || value === null ? null : decimalText(value);
  }
  return {
    foodId: null,
    portionId: null,
    portionLabel: null,
    quantity: null,
    name: input.name!,
    grams: decimalText(input.grams!),
    ...values,
  };
}

/** Maps a stored item to the API shape. */
export function toMealItem(row: StoredItem): MealItem {
  return {
    id: row.id,
    foodId: row.foodId,
    portionId: row.portionId,
    portionLabel: row.portionLabel,
    quantity: numberOrNull(row.quantity),
    name: row.name,
    grams: Number(row.grams),
    kcal: numberOrNull(row.kcal),
    protein: numberOrNull(row.protein),
    carbs: numberOrNull(row.carbs),
    fat: numberOrNull(row.fat),
    fiber: numberOrNull(row.fiber),
    sugar: numberOrNull(row.sugar),
    sodiumMg: numberOrNull(row.sodiumMg),
    saturatedFat: numberOrNull(row.saturatedFat),
  };
}

/**
 * Sums nutrients exactly. A nutrient that some items lack is summed over the others and listed
 * in `incomplete`; one that every item lacks is null. No items at all means zero of everything.
 */
export function totalsOf(items: Pick<ItemValues, NutrientField>[]): NutrientTotals {
  const totals = { incomplete: [] as NutrientField[] } as NutrientTotals;
  for (const field of NUTRIENT_FIELDS) {
    const known = items.flatMap((item) => {
      const value = item[field];
      return value === null ? [] : [parseDecimal(value)];
    });
    if (known.length < items.length) totals.incomplete.push(field);
    totals[field] =
      items.length > 0 && known.length === 0
        ? null
        : decimalToNumber(known.reduce((sum, value) => sum + value, 0n));
  }
  return totals;
}

/** Maps a stored item to the export shape. */
export function toItemRecord(row: StoredItem): MealItemRecord {
  const item = toMealItem(row);
  return {
    foodId: item.foodId,
    portionId: item.portionId,
    portionLabel: item.portionLabel,
    quantity: item.quantity,
    name: item.name,
    grams: item.grams,
    kcal: item.kcal,
    protein: item.protein,
    carbs: item.carbs,
    fat: item.fat,
    fiber: item.fiber,
    sugar: item.sugar,
    sodiumMg: item.sodiumMg,
    saturatedFat: item.saturatedFat,
  };
}

/** Stored values of an exported item, written back unchanged. */
export function itemValuesFromRecord(record: MealItemRecord): ItemValues {
  const values = {} as Record<NutrientField, string | null>;
  for (const field of NUTRIENT_FIELDS) {
    const value = record[field];
    values[field] = value === null ? null : decimalText(value);
  }
  return {
    foodId: record.foodId,
    portionId: record.portionId,
    portionLabel: record.portionLabel,
    quantity: record.quantity === null ? null : decimalText(record.quantity),
    name: record.name,
    grams: decimalText(record.grams),
    ...values,
  };
}

/**
 * Recomputes saved items from the foods' current values, as logging a saved meal does. An item
 * whose food or portion no longer exists (a deleted custom food) keeps the values it was saved
 * with, so deleting a food does not break the templates that use it.
 */
export async function recomputeItems(
  foods: FoodsService,
  executor: Executor,
  userId: string,
  rows: StoredItem[],
): Promise<ItemValues[]> {
  const foodIds = [...new Set(rows.flatMap((row) => (row.foodId ? [row.foodId] : [])))];
  const found = await foods.findLoggableFoods(executor, userId, foodIds);

  return rows.map((row) => {
    const { id: _id, position: _position, ...stored } = row;
    const food = row.foodId === null ? undefined : found.get(row.foodId);
    if (!food) return stored;

    const input: MealItemInput =
      row.portionId === null
        ? { foodId: row.foodId!, grams: Number(row.grams) }
        : { foodId: row.foodId!, portionId: row.portionId, quantity: Number(row.quantity ?? "1") };
    const result = resolveFoodItem(input, food);
    return "field" in result ? stored : result;
  });
}

function decimalText(value: number): string {
  return formatDecimal(decimalFromNumber(value));
}

function numberOrNull(text: string | null): number | null {
  return text === null ? null : Number(text);
}
