import type { Food, MealItem, MealItemInput } from "@fitcoach/contract";

import type { MealDraftHandoff } from "../coach/photo/meal-draft";
import { parseNumberInput } from "./number-input";

/**
 * Unit of an item's amount: a number of household portions of a food, grams of a food, or grams of
 * a free entry whose nutrients the user typed for the whole item.
 */
export type DraftAmountKind = "portion" | "grams" | "free";

/** One item of the meal being composed or edited, before the meal is saved. */
export interface DraftMealItem {
  key: string;
  name: string;
  kind: DraftAmountKind;
  /** The portion's name, such as "medium", for items measured in portions. */
  portionUnit: string | null;
  /** The amount as typed: the number of portions, or grams. */
  amountText: string;
  /** The item as it was added; a free entry's nutrients are for `input.grams`. */
  input: MealItemInput;
}

/** Nutrients of a free entry that scale with its weight. */
const FREE_ITEM_NUTRIENTS = [
  "kcal",
  "protein",
  "carbs",
  "fat",
  "fiber",
  "sugar",
  "sodiumMg",
  "saturatedFat",
] as const;

let nextKey = 0;

function newKey(): string {
  nextKey += 1;
  return `item-${nextKey}`;
}

/** Builds a draft item of `food`: a portion and a quantity, or a weight in grams. */
export function draftItemOf(
  food: Food,
  amount: { portionId: string; quantity: number } | { grams: number },
  portionUnit: string | null,
): DraftMealItem {
  if ("grams" in amount) {
    return {
      key: newKey(),
      name: food.name,
      kind: "grams",
      portionUnit: null,
      amountText: String(amount.grams),
      input: { foodId: food.id, grams: amount.grams },
    };
  }
  return {
    key: newKey(),
    name: food.name,
    kind: "portion",
    portionUnit,
    amountText: String(amount.quantity),
    input: { foodId: food.id, portionId: amount.portionId, quantity: amount.quantity },
  };
}

/** Builds a draft item of a free entry, with nutrients typed for the whole item. */
export function draftItemOfFreeEntry(input: MealItemInput): DraftMealItem {
  return {
    key: newKey(),
    name: input.name ?? "",
    kind: "free",
    portionUnit: null,
    amountText: String(input.grams ?? ""),
    input,
  };
}

/**
 * Builds a draft item of a logged item, so an edited meal sends it back in the form it was logged
 * in. NOTE: a free item with unknown energy (possible only in imported data) is sent back with 0
 * kcal, because the API requires kcal for items without a food.
 */
export function draftItemOfMealItem(item: MealItem): DraftMealItem {
  if (item.foodId !== null && item.portionId !== null) {
    const quantity = item.quantity ?? 1;
    return {
      key: newKey(),
      name: item.name,
      kind: "portion",
      portionUnit: item.portionLabel ?? "",
      amountText: String(quantity),
      input: { foodId: item.foodId, portionId: item.portionId, quantity },
    };
  }
  if (item.foodId !== null) {
    return {
      key: newKey(),
      name: item.name,
      kind: "grams",
      portionUnit: null,
      amountText: String(item.grams),
      input: { foodId: item.foodId, grams: item.grams },
    };
  }
  return draftItemOfFreeEntry({
    name: item.name,
    grams: item.grams,
    kcal: item.kcal ?? 0,
    protein: item.protein,
    carbs: item.carbs,
    fat: item.fat,
    fiber: item.fiber,
    sugar: item.sugar,
    sodiumMg: item.sodiumMg,
    saturatedFat: item.saturatedFat,
  });
}

/**
 * Returns the item to send for a draft with its current amount. A free entry's nutrients scale
 * with its new weight, since they were typed for the whole item. Text that is not a number passes
 * through as NaN or undefined for the schema to reject.
 */
export function itemInputOf(item: DraftMealItem): MealItemInput {
  const amount = parseNumberInput(item.amountText) as number;
  if (item.kind === "portion") return { ...item.input, quantity: amount };
  if (item.kind === "grams") return { ...item.input, grams: amount };

  const baseGrams = item.input.grams ?? 0;
  if (!Number.isFinite(amount) || baseGrams <= 0 || amount === baseGrams) {
    return { ...item.input, grams: amount };
  }
  const scaled: MealItemInput = { ...item.input, grams: amount };
  for (const nutrient of FREE_ITEM_NUTRIENTS) {
    const value = item.input[nutrient];
    if (typeof value === "number") {
      scaled[nutrient] = Math.round(((value * amount) / baseGrams) * 100) / 100;
    }
  }
  return scaled;
}

/** Turns the coach's confirmed photo draft into draft items for the meal form. */
export function draftItemsFromHandoff(handoff: MealDraftHandoff): DraftMealItem[] {
  return handoff.items.map((item) => ({
    key: newKey(),
    name: item.description,
    kind: "grams",
    portionUnit: null,
    amountText: String(item.grams),
    input: { foodId: item.foodId, grams: item.grams },
  }));
}

/** Reads a `mealDraft` from router state, or null when the state carries none. */
export function readMealDraft(state: unknown): MealDraftHandoff | null {
  const draft = (state as { mealDraft?: MealDraftHandoff } | null)?.mealDraft;
  if (!draft || typeof draft.date !== "string" || !Array.isArray(draft.items)) return null;
  return draft;
}
