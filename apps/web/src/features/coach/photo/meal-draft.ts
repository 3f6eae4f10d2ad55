import type { MealPhotoDraft, MealSlot, Nutrients } from "@fitcoach/contract";

/** One food of a photo draft as the user edits it; `base` is the model's original estimate. */
export interface DraftItem {
  key: string;
  label: string;
  foodId: string | null;
  description: string | null;
  grams: number;
  confidence: number;
  base: { grams: number; nutrients: Nutrients | null };
}

/**
 * A confirmed photo draft, handed to the day screen in the router state (`mealDraft`) so that it
 * opens its meal form pre-filled. Nothing is stored until the user saves the meal there.
 */
export interface MealDraftHandoff {
  date: string;
  slot: MealSlot;
  items: { foodId: string; grams: number; description: string }[];
}

export function toDraftItems(draft: MealPhotoDraft): DraftItem[] {
  return draft.items.map((item, index) => ({
    key: `${index}-${item.label}`,
    label: item.label,
    foodId: item.foodId,
    description: item.description,
    grams: item.grams,
    confidence: item.confidence,
    base: { grams: item.grams, nutrients: item.nutrients },
  }));
}

/** Scales an item's nutrients from the model's grams to the grams the user set. */
export function itemNutrients(item: DraftItem): Nutrients | null {
  const { nutrients, grams } = item.base;
  if (!nutrients || grams <= 0) return null;
  const factor = item.grams / grams;
  return {
    kcal: nutrients.kcal * factor,
    protein: nutrients.protein * factor,
    carbs: nutrients.carbs * factor,
    fat: nutrients.fat * factor,
    fiber: nutrients.fiber * factor,
  };
}

/** Sums the nutrients of the items matched to the catalog; unmatched items add nothing. */
export function draftTotals(items: DraftItem[]): Nutrients {
  const totals: Nutrients = { kcal: 0, protein: 0, carbs: 0, fat: 0, fiber: 0 };
  for (const item of items) {
    const nutrients = itemNutrients(item);
    if (!nutrients) continue;
    totals.kcal += nutrients.kcal;
    totals.protein += nutrients.protein;
    totals.carbs += nutrients.carbs;
    totals.fat += nutrients.fat;
    totals.fiber += nutrients.fiber;
  }
  return totals;
}

/** Builds the hand-over for the day screen from the matched items with a positive weight. */
export function toHandoff(items: DraftItem[], date: string, slot: MealSlot): MealDraftHandoff {
  return {
    date,
    slot,
    items: items
      .filter((item) => item.foodId !== null && item.grams > 0)
      .map((item) => ({
        foodId: item.foodId!,
        grams: item.grams,
        description: item.description ?? item.label,
      })),
  };
}
