import { z } from "zod";

import { KG_PER_LB, measurement } from "./entries";
import { WEIGHT_MAX_KG, WEIGHT_MIN_KG } from "./body";

export const GOAL_KCAL_MAX = 10_000;
export const GOAL_MACRO_MAX_G = 1_000;
export const GOAL_SLEEP_MIN_MIN = 180;
export const GOAL_SLEEP_MAX_MIN = 900;
export const GOAL_STEPS_MAX = 100_000;
export const GOAL_WEEKLY_WORKOUTS_MAX = 21;

/** Targets a user sets; null means no target. Water falls back to the profile's water goal. */
export const goalsPutSchema = z
  .strictObject({
    targetWeightKg: measurement(WEIGHT_MIN_KG, WEIGHT_MAX_KG).nullable().optional(),
    targetWeightLb: measurement(
      Math.ceil((WEIGHT_MIN_KG / KG_PER_LB) * 10) / 10,
      Math.floor((WEIGHT_MAX_KG / KG_PER_LB) * 10) / 10,
    )
      .nullable()
      .optional(),
    kcal: z.number().int().min(500).max(GOAL_KCAL_MAX).nullable().optional(),
    proteinG: z.number().int().min(0).max(GOAL_MACRO_MAX_G).nullable().optional(),
    carbsG: z.number().int().min(0).max(GOAL_MACRO_MAX_G).nullable().optional(),
    fatG: z.number().int().min(0).max(GOAL_MACRO_MAX_G).nullable().optional(),
    fiberG: z.number().int().min(0).max(GOAL_MACRO_MAX_G).nullable().optional(),
    waterMl: z.number().int().min(250).max(10_000).nullable().optional(),
    sleepMin: z
      .number()
      .int()
      .min(GOAL_SLEEP_MIN_MIN)
      .max(GOAL_SLEEP_MAX_MIN)
      .nullable()
      .optional(),
    steps: z.number().int().min(100).max(GOAL_STEPS_MAX).nullable().optional(),
    weeklyWorkouts: z.number().int().min(0).max(GOAL_WEEKLY_WORKOUTS_MAX).nullable().optional(),
  })
  // One target in two units would silently drop one of them.
  .refine((value) => value.targetWeightKg === undefined || value.targetWeightLb === undefined, {
    error: "send targetWeightKg or targetWeightLb, not both",
    path: ["targetWeightLb"],
  });
export type GoalsPut = z.infer<typeof goalsPutSchema>;

export const goalsSchema = z.object({
  targetWeightKg: z.number().nullable(),
  targetWeightLb: z.number().nullable(),
  targetWeightUnit: z.enum(["kg", "lb"]).nullable(),
  kcal: z.number().int().nullable(),
  proteinG: z.number().int().nullable(),
  carbsG: z.number().int().nullable(),
  fatG: z.number().int().nullable(),
  fiberG: z.number().int().nullable(),
  /** The water target in force: this goal when set, otherwise the profile's water goal. */
  waterMl: z.number().int(),
  sleepMin: z.number().int().nullable(),
  steps: z.number().int().nullable(),
  weeklyWorkouts: z.number().int().nullable(),
  version: z.number().int(),
});
export type Goals = z.infer<typeof goalsSchema>;

/** Targets suggested from the profile and the latest weight (Mifflin-St Jeor). */
export const goalSuggestionSchema = z.object({
  bmrKcal: z.number().int(),
  maintenanceKcal: z.number().int(),
  kcal: z.number().int(),
  proteinG: z.number().int(),
  carbsG: z.number().int(),
  fatG: z.number().int(),
  basis: z.object({
    ageYears: z.number().int(),
    sex: z.enum(["female", "male"]),
    heightCm: z.number(),
    weightKg: z.number(),
    activityFactor: z.number(),
  }),
  explanation: z.string(),
});
export type GoalSuggestion = z.infer<typeof goalSuggestionSchema>;
