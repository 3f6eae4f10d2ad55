import { describe, expect, it } from "vitest";

import { loadFoods } from "./catalog-files";
import type { CatalogFood } from "./coach-data";
import { buildMealPlan, MealPlanInfeasibleError } from "./meal-planner";
import { computeTargets, type TargetProfile } from "./targets";

const foods: Map<string, CatalogFood> = loadFoods();

const PROFILES: TargetProfile[] = [
  {
    sex: "male",
    ageYears: 30,
    heightCm: 180,
    weightKg: 80,
    activityLevel: "moderate",
    goal: "keep",
  },
  {
    sex: "female",
    ageYears: 45,
    heightCm: 165,
    weightKg: 70,
    activityLevel: "sedentary",
    goal: "lose",
  },
  {
    sex: "male",
    ageYears: 22,
    heightCm: 190,
    weightKg: 95,
    activityLevel: "very_active",
    goal: "gain",
  },
  {
    sex: "female",
    ageYears: 60,
    heightCm: 155,
    weightKg: 55,
    activityLevel: "light",
    goal: "keep",
  },
  {
    sex: "other",
    ageYears: 35,
    heightCm: 170,
    weightKg: 120,
    activityLevel: "light",
    goal: "lose",
  },
];

function targetsOf(profile: TargetProfile) {
  const { kcal, protein, carbs, fat, fiber } = computeTargets(profile);
  return { kcal, protein, carbs, fat, fiber };
}

/** Totals recomputed from the catalog and the planned grams, independent of the planner's sums. */
function recomputedTotals(day: ReturnType<typeof buildMealPlan>["days"][number]) {
  const totals = { kcal: 0, protein: 0, carbs: 0, fat: 0 };
  for (const meal of day.meals) {
    for (const item of meal.items) {
      const food = foods.get(item.foodId)!;
      for (const key of ["kcal", "protein", "carbs", "fat"] as const) {
        totals[key] += (food.per100g[key] * item.grams) / 100;
      }
    }
  }
  return totals;
}

describe("buildMealPlan", () => {
  it.each(PROFILES.map((profile) => [profile.sex, profile.goal, profile.weightKg, profile]))(
    "meets %s %s %s kg targets within 5 % every day",
    (_sex, _goal, _weight, profile) => {
      const targets = targetsOf(profile as TargetProfile);

      const plan = buildMealPlan(targets, foods, []);

      expect(plan.days).toHaveLength(7);
      for (const day of plan.days) {
        const totals = recomputedTotals(day);
        for (const key of ["kcal", "protein", "carbs", "fat"] as const) {
          const gap = Math.abs(totals[key] - targets[key]) / targets[key];
          expect(gap, `day ${day.day} ${key}`).toBeLessThanOrEqual(0.05);
          expect(Math.abs(day.deviationPercent[key])).toBeLessThanOrEqual(5);
        }
      }
    },
  );

  it("uses catalog foods with positive grams", () => {
    const plan = buildMealPlan(targetsOf(PROFILES[0]!), foods, []);

    const items = plan.days.flatMap((day) => day.meals.flatMap((meal) => meal.items));
    expect(items.length).toBeGreaterThan(7 * 8);
    for (const item of items) {
      expect(foods.get(item.foodId)?.description).toBe(item.description);
      expect(item.grams).toBeGreaterThan(0);
    }
  });

  it("varies foods across the week", () => {
    const plan = buildMealPlan(targetsOf(PROFILES[0]!), foods, []);

    const dinners = plan.days.map((day) =>
      day.meals
        .find((meal) => meal.slot === "dinner")!
        .items.map((item) => item.foodId)
        .join(),
    );
    expect(new Set(dinners).size).toBeGreaterThan(3);
  });

  it("leaves out excluded food groups", () => {
    const plan = buildMealPlan(targetsOf(PROFILES[0]!), foods, ["meat", "poultry", "fish"]);

    const groups = new Set(
      plan.days.flatMap((day) =>
        day.meals.flatMap((meal) => meal.items.map((item) => foods.get(item.foodId)!.group)),
      ),
    );
    expect(groups.has("Poultry Products")).toBe(false);
    expect(groups.has("Beef Products")).toBe(false);
    expect(groups.has("Finfish and Shellfish Products")).toBe(false);
  });

  it("rejects targets the remaining foods cannot meet", () => {
    const vegan = ["meat", "poultry", "fish", "dairy", "eggs"] as const;

    expect(() => buildMealPlan(targetsOf(PROFILES[1]!), foods, [...vegan])).toThrow(
      MealPlanInfeasibleError,
    );
  });
});
