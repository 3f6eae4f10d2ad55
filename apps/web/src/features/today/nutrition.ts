import type { DayCard, NutrientTotals } from "@fitcoach/contract";

/** Nutrients the card shows for meals and the day, in display order. */
export const SHOWN_NUTRIENTS = ["kcal", "protein", "carbs", "fat", "fiber"] as const;
export type ShownNutrient = (typeof SHOWN_NUTRIENTS)[number];

export const NUTRIENT_LABEL_KEYS: Record<ShownNutrient, string> = {
  kcal: "today.nutrients.kcal",
  protein: "today.nutrients.protein",
  carbs: "today.nutrients.carbs",
  fat: "today.nutrients.fat",
  fiber: "today.nutrients.fiber",
};

/** Returns the day's target for a nutrient from the card's goal progress, or null when unset. */
export function nutrientGoal(day: DayCard, nutrient: ShownNutrient): number | null {
  return day.goals.find((goal) => goal.goal === nutrient)?.target ?? null;
}

/** Formats a nutrient value with its unit: whole kcal, grams with one decimal. */
export function formatNutrient(
  nutrient: ShownNutrient,
  value: number | null,
  language: string,
  t: (key: string, options: Record<string, string>) => string,
): string {
  if (value === null) return "–";
  const digits = nutrient === "kcal" ? 0 : 1;
  const text = new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  return nutrient === "kcal" ? t("units.kcal", { value: text }) : t("units.g", { value: text });
}

export function totalOf(totals: NutrientTotals, nutrient: ShownNutrient): number | null {
  return totals[nutrient];
}
