import type { Food, MealPhotoDraft, MealType, Portion } from "@fitcoach/contract";

import { parseLocalizedNumber } from "../../i18n/format";

/** One item of a meal being put together, before it is sent. */
export type DraftItem =
  | { kind: "food"; food: Food; portion: Portion | null; amount: string }
  | {
      kind: "free";
      name: string;
      grams: number;
      kcal: number;
      protein: number | null;
      carbs: number | null;
      fat: number | null;
      fiber: number | null;
    };

/** Picks the meal type for the time of day: breakfast until 10:30, lunch until 15:00, dinner until 21:00. */
export function mealTypeAt(now: Date): MealType {
  const minutes = now.getHours() * 60 + now.getMinutes();
  if (minutes < 10 * 60 + 30) return "breakfast";
  if (minutes < 15 * 60) return "lunch";
  if (minutes < 21 * 60) return "dinner";
  return "snack";
}

/** Computes the grams of a food item: the amount typed times the portion's weight, or the amount as grams. */
export function itemGrams(item: Extract<DraftItem, { kind: "food" }>): number | null {
  const amount = parseLocalizedNumber(item.amount);
  if (amount === null) return null;
  return item.portion ? (amount / item.portion.amount) * item.portion.grams : amount;
}

/** Computes the energy of a draft item in kcal, or null while the amount or the food's energy is unknown. */
export function itemKcal(item: DraftItem): number | null {
  if (item.kind === "free") return item.kcal;
  const grams = itemGrams(item);
  const per100g = item.food.per100g.kcal;
  return grams === null || per100g === null ? null : (grams * per100g) / 100;
}

/**
 * Turns the draft into the body of POST /meals. Catalog and custom foods go by id with a portion
 * or grams, so the server computes their nutrients. Text that is not a number is passed on as
 * text, so the contract schema reports it.
 */
export function draftToMealRequest(
  date: string,
  type: MealType,
  items: readonly DraftItem[],
): Record<string, unknown> {
  return {
    date,
    type,
    items: items.map((item) => {
      if (item.kind === "free") {
        const { kind: _kind, ...values } = item;
        return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null));
      }
      const amount = parseLocalizedNumber(item.amount) ?? item.amount;
      if (!item.portion) return { foodId: item.food.id, grams: amount };
      return { foodId: item.food.id, portionId: item.portion.id, quantity: amount };
    }),
  };
}

/**
 * Turns the coach's reading of a photo into draft items: foods the coach matched to the catalog
 * by id with its grams, others as free items with the coach's nutrient estimate. Items the coach
 * could not weigh or price are left out.
 */
export function draftFromPhoto(
  draft: MealPhotoDraft,
  foods: ReadonlyMap<string, Food>,
): DraftItem[] {
  const items: DraftItem[] = [];
  for (const suggestion of draft.items) {
    const food = suggestion.foodId ? foods.get(suggestion.foodId) : undefined;
    if (food) {
      items.push({
        kind: "food",
        food,
        portion: null,
        amount: String(Math.round(suggestion.grams)),
      });
    } else if (suggestion.nutrients && suggestion.grams > 0) {
      items.push({
        kind: "free",
        name: suggestion.description ?? suggestion.label,
        grams: Math.round(suggestion.grams),
        kcal: Math.round(suggestion.nutrients.kcal),
        protein: suggestion.nutrients.protein,
        carbs: suggestion.nutrients.carbs,
        fat: suggestion.nutrients.fat,
        fiber: suggestion.nutrients.fiber,
      });
    }
  }
  return items;
}
