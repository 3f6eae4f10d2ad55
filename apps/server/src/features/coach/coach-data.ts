import type { BodyGoal, MealSlot, Nutrients } from "@fitcoach/contract";

/*
 * What the coach reads from other features, as small interfaces. The coach never queries another
 * feature's tables: services.ts passes implementations of these, and every method takes the user
 * id first, so a prompt can never widen the data it reads to another account.
 */

/** One food of a logged meal. `name` is user-visible text and may be a custom food's name. */
export interface CoachMealItem {
  foodId: string | null;
  name: string;
  grams: number;
}

export interface CoachMeal {
  slot: MealSlot;
  items: CoachMealItem[];
  totals: Nutrients;
  note: string | null;
}

export interface CoachSet {
  reps: number | null;
  weightKg: number | null;
  durationSeconds: number | null;
}

export interface CoachWorkout {
  name: string | null;
  durationMinutes: number | null;
  exercises: { exerciseId: string | null; name: string; sets: CoachSet[] }[];
  note: string | null;
}

/**
 * One day card as the coach reads it. Fields the user did not log are null or empty. Which consent
 * area each field belongs to is listed in coach-context.ts.
 */
export interface CoachDay {
  /** Local date, YYYY-MM-DD. */
  date: string;
  meals: CoachMeal[];
  /** Sum of the day's meals; null when no meal was logged. */
  nutrition: Nutrients | null;
  waterMl: number | null;
  workouts: CoachWorkout[];
  steps: number | null;
  sleep: { durationMinutes: number; quality: number | null } | null;
  mood: { score: number; tags: string[]; note: string | null } | null;
  /** Last weight logged that day. */
  weightKg: number | null;
  /** The day card's markdown note. */
  note: string | null;
}

/** Goals the user set; null fields were not set. Macros in grams. */
export interface CoachGoals {
  goal: BodyGoal | null;
  targetWeightKg: number | null;
  kcal: number | null;
  protein: number | null;
  carbs: number | null;
  fat: number | null;
  waterMl: number | null;
  steps: number | null;
  sleepMinutes: number | null;
  weeklyWorkouts: number | null;
}

/** Maximum range in days that the coach requests from `recentDays`. */
export const RECENT_DAYS_MAX = 92;

export interface CoachDataSource {
  /**
   * Returns the user's day cards from `fromDate` to `toDate` (local dates, both included) in date
   * order, leaving out days with nothing logged. The coach never requests more than
   * RECENT_DAYS_MAX days at once.
   */
  recentDays(userId: string, fromDate: string, toDate: string): Promise<CoachDay[]>;
  /** Returns the user's goals, or null when none are set. */
  goals(userId: string): Promise<CoachGoals | null>;
  /** Returns the newest weight logged on or before `onOrBefore`, or null when there is none. */
  latestWeight(
    userId: string,
    onOrBefore: string,
  ): Promise<{ date: string; weightKg: number } | null>;
}

/** A household measure of a catalog food, such as "1 cup" = 185 g. */
export interface CatalogPortion {
  amount: number;
  unit: string;
  grams: number;
}

/** A catalog food with its composition per 100 g of edible portion. */
export interface CatalogFood {
  /** Catalog id, such as the USDA NDB number "09040". */
  id: string;
  description: string;
  group: string;
  /** Nutrients per 100 g; a nutrient the catalog lacks is 0 here. */
  per100g: Nutrients;
  portions: CatalogPortion[];
}

export interface FoodCatalogSource {
  /** Returns the foods with these ids in the order asked; unknown ids are left out. */
  byIds(ids: readonly string[]): Promise<CatalogFood[]>;
  /** Returns up to `limit` foods whose description matches `text`, best match first. */
  search(text: string, limit: number): Promise<CatalogFood[]>;
}

/** An exercise of the shared catalog. */
export interface CatalogExercise {
  id: string;
  name: string;
  category: string;
  level: "beginner" | "intermediate" | "expert";
  equipment: string | null;
  mechanic: "compound" | "isolation" | null;
  force: "push" | "pull" | "static" | null;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  instructions: string[];
}

export interface ExerciseFilter {
  /** Equipment names to allow; exercises that need no equipment are always allowed. */
  equipment?: readonly string[];
  categories?: readonly string[];
  levels?: readonly CatalogExercise["level"][];
}

export interface ExerciseCatalogSource {
  /** Returns the exercises that pass every given filter, ordered by id. */
  list(filter: ExerciseFilter): Promise<CatalogExercise[]>;
}

/** A meal to write into the user's log when a meal plan is accepted. */
export interface PlannedMealEntry {
  slot: MealSlot;
  items: { foodId: string; grams: number }[];
}

export interface MealLogSink {
  /**
   * Writes the meals of one plan day into the user's log for `date` and returns how many meals
   * were created. Runs once per day of an accepted plan.
   */
  applyMealPlanDay(userId: string, date: string, meals: PlannedMealEntry[]): Promise<number>;
  /** Returns the latest date a meal may be logged for, tomorrow in the user's time zone. */
  latestLoggableDate(userId: string): Promise<string>;
}
