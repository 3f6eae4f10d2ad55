import type { Food, MealItemInput } from "@fitcoach/contract";

import type { MealDraftHandoff } from "../coach/photo/meal-draft";

/** One food of the meal being composed, before the meal is saved. */
export interface DraftMealItem {
  key: string;
  name: string;
  /** The amount as the user chose it, such as "1 × medium" or "150 g". */
  amountLabel: string;
  input: MealItemInput;
}

let nextKey = 0;

function newKey(): string {
  nextKey += 1;
  return `item-${nextKey}`;
}

/** Builds a draft item of `food`: a portion and a quantity, or a weight in grams. */
export function draftItemOf(
  food: Food,
  amount: { portionId: string; quantity: number } | { grams: number },
  amountLabel: string,
): DraftMealItem {
  const input: MealItemInput =
    "grams" in amount
      ? { foodId: food.id, grams: amount.grams }
      : { foodId: food.id, portionId: amount.portionId, quantity: amount.quantity };
  return { key: newKey(), name: food.name, amountLabel, input };
}

/** Turns the coach's confirmed photo draft into draft items for the meal form. */
export function draftItemsFromHandoff(
  handoff: MealDraftHandoff,
  gramsLabel: (grams: number) => string,
): DraftMealItem[] {
  return handoff.items.map((item) => ({
    key: newKey(),
    name: item.description,
    amountLabel: gramsLabel(item.grams),
    input: { foodId: item.foodId, grams: item.grams },
  }));
}

/** Reads a `mealDraft` from router state, or null when the state carries none. */
export function readMealDraft(state: unknown): MealDraftHandoff | null {
  const draft = (state as { mealDraft?: MealDraftHandoff } | null)?.mealDraft;
  if (!draft || typeof draft.date !== "string" || !Array.isArray(draft.items)) return null;
  return draft;
}
