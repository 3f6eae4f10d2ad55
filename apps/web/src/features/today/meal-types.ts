import type { MealType } from "@fitcoach/contract";

export const MEAL_TYPE_LABEL_KEYS: Record<MealType, string> = {
  breakfast: "today.mealTypes.breakfast",
  lunch: "today.mealTypes.lunch",
  dinner: "today.mealTypes.dinner",
  snack: "today.mealTypes.snack",
};
