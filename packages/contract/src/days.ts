import { z } from "zod";

import { requireSomeField } from "./patch";
import { mealSchema, nutrientTotalsSchema } from "./meals";

import { localDateSchema } from "./common";
import { bodyEntrySchema } from "./body";
import {
  DAY_NOTE_MAX_LENGTH,
  moodEntrySchema,
  noteSchema,
  sleepEntrySchema,
  stepsEntrySchema,
  tagsSchema,
  waterEntrySchema,
} from "./entries";
import { workoutSchema } from "./workouts";

/** Energy and macronutrients: kcal, then grams. */
export const nutritionTotalsSchema = z.object({
  kcal: z.number(),
  protein: z.number(),
  carbs: z.number(),
  fat: z.number(),
  fiber: z.number(),
});
export type NutritionTotals = z.infer<typeof nutritionTotalsSchema>;

export const dayParamsSchema = z.strictObject({ date: localDateSchema });

export const dayPatchSchema = requireSomeField(
  z.strictObject({ tags: tagsSchema, note: noteSchema(DAY_NOTE_MAX_LENGTH) }).partial(),
);
export type DayPatch = z.infer<typeof dayPatchSchema>;

export const scoreComponentSchema = z.object({
  name: z.enum(["sleep", "mood", "water", "nutrition", "activity"]),
  /** 0 to 100. */
  score: z.number().int(),
  /** Share of the total; the weights of the components present add up to 1. */
  weight: z.number(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  explanation: z.string(),
});

export const wellnessSchema = z.object({
  /** 0 to 100, or null when nothing was logged that the score uses. */
  score: z.number().int().nullable(),
  components: z.array(scoreComponentSchema),
  explanation: z.string(),
});

export const effortSchema = z.object({
  /** 0 to 100: training load / 6, so an hour at intensity 5 scores 100. */
  score: z.number().int(),
  load: z.number().int(),
  workouts: z.number().int(),
  explanation: z.string(),
});

export const goalProgressSchema = z.object({
  goal: z.enum([
    "kcal",
    "protein",
    "carbs",
    "fat",
    "fiber",
    "water",
    "sleep",
    "steps",
    "weight",
    "weeklyWorkouts",
  ]),
  target: z.number(),
  actual: z.number().nullable(),
  /** actual / target × 100, rounded; null when nothing was logged. */
  percent: z.number().int().nullable(),
});

export const dayCardSchema = z.object({
  date: localDateSchema,
  timeZone: z.string(),
  /** Version of the tags and note; 0 until they are first saved. */
  version: z.number().int(),
  tags: z.array(z.string()),
  /** Markdown as the user wrote it; clients render it through a sanitiser. */
  note: z.string(),
  wellness: wellnessSchema,
  effort: effortSchema,
  meals: z.array(mealSchema),
  /** Sum of the day's meals; a nutrient some item lacks is summed over the others and listed in `incomplete`. */
  totals: nutrientTotalsSchema,
  workouts: z.array(workoutSchema),
  water: z.object({
    totalMl: z.number().int(),
    goalMl: z.number().int(),
    entries: z.array(waterEntrySchema),
  }),
  sleep: z.array(sleepEntrySchema),
  mood: z.array(moodEntrySchema),
  body: z.array(bodyEntrySchema),
  weight: z.object({ kg: z.number(), lb: z.number(), unit: z.enum(["kg", "lb"]) }).nullable(),
  steps: z.object({ total: z.number().int(), entries: z.array(stepsEntrySchema) }),
  goals: z.array(goalProgressSchema),
});
export type DayCard = z.infer<typeof dayCardSchema>;
