import type {
  BodyEntry,
  DayCard,
  Meal,
  MoodEntry,
  SleepEntry,
  StepsEntry,
  WaterEntry,
  Workout,
} from "@fitcoach/contract";

const EMPTY_TOTALS = {
  kcal: null,
  protein: null,
  carbs: null,
  fat: null,
  fiber: null,
  sugar: null,
  sodiumMg: null,
  saturatedFat: null,
  incomplete: [],
};

/**
 * Builds the daily card GET /days/:date returns for a day with the given entries and no scores;
 * tests override what they need. Totals of meals are summed like the server does for complete items.
 */
export function makeDay(
  date: string,
  entries: {
    water?: WaterEntry[];
    meals?: Meal[];
    workouts?: Workout[];
    body?: BodyEntry[];
    sleep?: SleepEntry[];
    mood?: MoodEntry[];
    steps?: StepsEntry[];
  } = {},
  overrides: Partial<DayCard> = {},
): DayCard {
  const water = entries.water ?? [];
  const meals = entries.meals ?? [];
  const totals = meals.length === 0 ? EMPTY_TOTALS : sumTotals(meals);
  return {
    date,
    timeZone: "Europe/Prague",
    version: 0,
    tags: [],
    note: "",
    wellness: { score: null, components: [], explanation: "Nothing logged." },
    effort: { score: 0, load: 0, workouts: 0, explanation: "No workouts." },
    meals,
    totals,
    workouts: entries.workouts ?? [],
    water: {
      totalMl: water.reduce((sum, entry) => sum + entry.ml, 0),
      goalMl: 2500,
      entries: water,
    },
    sleep: entries.sleep ?? [],
    mood: entries.mood ?? [],
    body: entries.body ?? [],
    weight: null,
    steps: {
      total: (entries.steps ?? []).reduce((sum, entry) => sum + entry.count, 0),
      entries: entries.steps ?? [],
    },
    goals: [
      { goal: "kcal", target: 2000, actual: totals.kcal, percent: null },
      { goal: "protein", target: 120, actual: totals.protein, percent: null },
    ],
    ...overrides,
  };
}

function sumTotals(meals: Meal[]): DayCard["totals"] {
  const sum = (field: "kcal" | "protein" | "carbs" | "fat" | "fiber"): number =>
    meals.reduce((total, meal) => total + (meal.totals[field] ?? 0), 0);
  return {
    ...EMPTY_TOTALS,
    kcal: sum("kcal"),
    protein: sum("protein"),
    carbs: sum("carbs"),
    fat: sum("fat"),
    fiber: sum("fiber"),
  };
}

/** Fields every stored entry carries, for entry number `index` of a day. */
export function entryMeta(
  date: string,
  index: number,
): {
  id: string;
  date: string;
  version: number;
  createdAt: string;
  updatedAt: string;
} {
  const suffix = String(index).padStart(12, "0");
  return {
    id: `5d1e4a3c-2b7f-4c8e-9a6d-${suffix}`,
    date,
    version: 1,
    createdAt: `${date}T08:00:00.000Z`,
    updatedAt: `${date}T08:00:00.000Z`,
  };
}
