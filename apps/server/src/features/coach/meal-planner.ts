import {
  MEAL_PLAN_DAYS,
  MEAL_PLAN_TOLERANCE_PERCENT,
  type FoodExclusion,
  type MealPlan,
  type Nutrients,
  type PlannedMeal,
} from "@fitcoach/contract";

import type { CatalogFood } from "./coach-data";
import { DAY_TEMPLATE, FOOD_OPTIONS, type FoodOption, type FoodRole } from "./meal-plan-foods";

/** The four nutrients every plan day must meet within the tolerance. */
const CHECKED = ["kcal", "protein", "carbs", "fat"] as const;
const NUTRIENT_KEYS = ["kcal", "protein", "carbs", "fat", "fiber"] as const;
/** Relative weight of each nutrient in the fit; fiber is aimed at but not guaranteed. */
const FIT_WEIGHTS: Record<(typeof NUTRIENT_KEYS)[number], number> = {
  kcal: 1,
  protein: 1,
  carbs: 1,
  fat: 1,
  fiber: 0.05,
};
/** Pull toward usual portions; small, so it only breaks ties between equally good fits. */
const PORTION_WEIGHT = 1e-5;
const FIT_SWEEPS = 400;
/** Different food combinations tried for a day before the planner gives up on it. */
const ATTEMPTS_PER_DAY = 24;

export const MEAL_PLAN_RULE =
  "Seven days of four meals from USDA SR28 whole foods, rotated for variety. Portions are fitted " +
  "by bounded least squares so that each day's energy, protein, carbohydrate and fat lie within " +
  `±${MEAL_PLAN_TOLERANCE_PERCENT} % of the targets; fiber is aimed at but not guaranteed. ` +
  "Portions are rounded to 5 g (oils to 1 g) before the check.";

type PlanDay = MealPlan["days"][number];

interface PlanItem {
  food: CatalogFood;
  option: FoodOption;
  slot: PlannedMeal["slot"];
  grams: number;
}

/** Error for targets no plan can meet; the message tells the user what to change. */
export class MealPlanInfeasibleError extends Error {
  override readonly name = "MealPlanInfeasibleError";
}

function nutrientsOf(food: CatalogFood, grams: number): Nutrients {
  const share = grams / 100;
  return {
    kcal: food.per100g.kcal * share,
    protein: food.per100g.protein * share,
    carbs: food.per100g.carbs * share,
    fat: food.per100g.fat * share,
    fiber: food.per100g.fiber * share,
  };
}

function sumNutrients(parts: readonly Nutrients[]): Nutrients {
  const total: Nutrients = { kcal: 0, protein: 0, carbs: 0, fat: 0, fiber: 0 };
  for (const part of parts) for (const key of NUTRIENT_KEYS) total[key] += part[key];
  return total;
}

function rounded(nutrients: Nutrients): Nutrients {
  return {
    kcal: Math.round(nutrients.kcal),
    protein: Math.round(nutrients.protein * 10) / 10,
    carbs: Math.round(nutrients.carbs * 10) / 10,
    fat: Math.round(nutrients.fat * 10) / 10,
    fiber: Math.round(nutrients.fiber * 10) / 10,
  };
}

/**
 * Picks one food per role of the day template. The first attempt rotates through the options by
 * day; later attempts draw from a generator seeded by day and attempt, so plans are repeatable.
 * A role that appears twice in a day (lunch and dinner) takes a different food each time.
 */
function chooseItems(
  foods: ReadonlyMap<string, CatalogFood>,
  exclude: readonly FoodExclusion[],
  day: number,
  attempt: number,
): PlanItem[] {
  const random = seededRandom(day * 1000 + attempt);
  const seen = new Map<FoodRole, number>();
  const items: PlanItem[] = [];
  for (const meal of DAY_TEMPLATE) {
    for (const role of meal.roles) {
      const options = FOOD_OPTIONS[role].filter(
        (candidate) =>
          foods.has(candidate.id) && !candidate.excludedBy.some((tag) => exclude.includes(tag)),
      );
      if (options.length === 0) continue;
      const occurrence = seen.get(role) ?? 0;
      seen.set(role, occurrence + 1);
      const spread = occurrence * Math.max(1, Math.floor(options.length / 2));
      const start = attempt === 0 ? day * 3 : Math.floor(random() * options.length);
      const option = options[(start + spread) % options.length]!;
      items.push({
        food: foods.get(option.id)!,
        option,
        slot: meal.slot,
        grams: option.usualGrams,
      });
    }
  }
  return items;
}

/** Mulberry32: a small deterministic generator of numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Fits the grams of each item to the targets by coordinate descent on a box-constrained least
 * squares problem: relative squared error per nutrient, plus a tiny pull toward usual portions.
 * The problem is convex, so the sweeps converge to its minimum.
 */
function fitPortions(items: PlanItem[], targets: Nutrients): void {
  const coefficients = items.map((item) => nutrientsOf(item.food, 1));
  const totals = sumNutrients(items.map((item, index) => scale(coefficients[index]!, item.grams)));

  for (let sweep = 0; sweep < FIT_SWEEPS; sweep += 1) {
    items.forEach((item, index) => {
      const perGram = coefficients[index]!;
      let gradient = 0;
      let curvature = 0;
      for (const key of NUTRIENT_KEYS) {
        const weight = FIT_WEIGHTS[key] / targets[key] ** 2;
        gradient += 2 * weight * perGram[key] * (totals[key] - targets[key]);
        curvature += 2 * weight * perGram[key] ** 2;
      }
      const usual = Math.max(item.option.usualGrams, 10);
      gradient += (2 * PORTION_WEIGHT * (item.grams - usual)) / usual ** 2;
      curvature += (2 * PORTION_WEIGHT) / usual ** 2;

      const next = clamp(
        item.grams - gradient / curvature,
        item.option.minGrams,
        item.option.maxGrams,
      );
      for (const key of NUTRIENT_KEYS) totals[key] += perGram[key] * (next - item.grams);
      item.grams = next;
    });
  }
  for (const item of items) {
    const step = item.option.maxGrams <= 40 ? 1 : 5;
    item.grams = Math.round(item.grams / step) * step;
  }
}

function scale(nutrients: Nutrients, factor: number): Nutrients {
  return {
    kcal: nutrients.kcal * factor,
    protein: nutrients.protein * factor,
    carbs: nutrients.carbs * factor,
    fat: nutrients.fat * factor,
    fiber: nutrients.fiber * factor,
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function deviationPercent(totals: Nutrients, targets: Nutrients): PlanDay["deviationPercent"] {
  const gap = (key: (typeof CHECKED)[number]): number =>
    Math.round(((totals[key] - targets[key]) / targets[key]) * 1000) / 10;
  return { kcal: gap("kcal"), protein: gap("protein"), carbs: gap("carbs"), fat: gap("fat") };
}

function toPlanDay(
  day: number,
  items: PlanItem[],
  targets: Nutrients,
): { planDay: PlanDay; largestGapPercent: number } {
  const meals: PlannedMeal[] = [];
  for (const { slot } of DAY_TEMPLATE) {
    const mealItems = items
      .filter((item) => item.slot === slot && item.grams > 0)
      .map((item) => ({
        foodId: item.food.id,
        description: item.food.description,
        grams: item.grams,
        ...rounded(nutrientsOf(item.food, item.grams)),
      }));
    if (mealItems.length === 0) continue;
    meals.push({ slot, items: mealItems, totals: rounded(sumNutrients(mealItems)) });
  }
  const exact = sumNutrients(items.map((item) => nutrientsOf(item.food, item.grams)));
  const largestGapPercent = Math.max(
    ...CHECKED.map((key) => (Math.abs(exact[key] - targets[key]) / targets[key]) * 100),
  );
  return {
    planDay: {
      day,
      meals,
      totals: rounded(exact),
      deviationPercent: deviationPercent(exact, targets),
    },
    largestGapPercent,
  };
}

// The margin keeps a day inside the tolerance after the totals are rounded for display.
function isWithin(candidate: { largestGapPercent: number } | null): boolean {
  return candidate !== null && candidate.largestGapPercent <= MEAL_PLAN_TOLERANCE_PERCENT - 0.1;
}

/**
 * Builds seven days that each meet the targets within the tolerance. `foods` must hold the
 * catalog records of MEAL_PLAN_FOOD_IDS. Throws MealPlanInfeasibleError when a day cannot be
 * fitted with the foods the exclusions leave.
 */
export function buildMealPlan(
  targets: Nutrients,
  foods: ReadonlyMap<string, CatalogFood>,
  exclude: readonly FoodExclusion[],
): Pick<MealPlan, "targets" | "days" | "rule"> {
  const days: PlanDay[] = [];
  for (let day = 1; day <= MEAL_PLAN_DAYS; day += 1) {
    let best: ReturnType<typeof toPlanDay> | null = null;
    for (let attempt = 0; attempt < ATTEMPTS_PER_DAY && !isWithin(best); attempt += 1) {
      const items = chooseItems(foods, exclude, day, attempt);
      fitPortions(items, targets);
      const candidate = toPlanDay(day, items, targets);
      if (!best || candidate.largestGapPercent < best.largestGapPercent) best = candidate;
    }
    if (!best || !isWithin(best)) {
      throw new MealPlanInfeasibleError(
        `No combination of catalog foods meets ${targets.kcal} kcal, ${targets.protein} g protein, ` +
          `${targets.carbs} g carbohydrate and ${targets.fat} g fat within ±${MEAL_PLAN_TOLERANCE_PERCENT} %` +
          (exclude.length > 0 ? ` without ${exclude.join(", ")}` : "") +
          "; allow more food groups or adjust the goal.",
      );
    }
    days.push(best.planDay);
  }
  return { targets, days, rule: MEAL_PLAN_RULE };
}
