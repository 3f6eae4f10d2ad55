import { z } from "zod";

import { localDateSchema, timeZoneSchema } from "./common";
import { displayNameSchema } from "./auth";

export const UNITS = ["metric", "imperial"] as const;
export const LOCALES = ["en", "ru", "cs"] as const;
export const SEXES = ["female", "male", "other"] as const;
export const ACTIVITY_LEVELS = ["sedentary", "light", "moderate", "active", "very_active"] as const;
export const WEEK_STARTS = ["monday", "sunday"] as const;

export const WATER_GOAL_DEFAULT_ML = 2500;
export const WATER_GOAL_MIN_ML = 250;
export const WATER_GOAL_MAX_ML = 10_000;
export const HEIGHT_MIN_CM = 50;
export const HEIGHT_MAX_CM = 272;

/** The signed-in user's account and profile. */
export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  role: z.enum(["user", "admin"]),
  name: z.string().nullable(),
  timeZone: z.string(),
  units: z.enum(UNITS),
  locale: z.enum(LOCALES),
  birthDate: z.string().nullable(),
  sex: z.enum(SEXES).nullable(),
  heightCm: z.number().nullable(),
  activityLevel: z.enum(ACTIVITY_LEVELS).nullable(),
  waterGoalMl: z.number().int(),
  weekStartsOn: z.enum(WEEK_STARTS),
  twoFactorEnabled: z.boolean(),
  createdAt: z.string(),
  /** Actions denied until the email address is verified, so clients can explain them. */
  restrictions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;

const birthDateSchema = localDateSchema.refine(
  (value) => value >= "1900-01-01" && new Date(`${value}T00:00:00Z`).getTime() <= Date.now(),
  { error: "must be a date between 1900-01-01 and today" },
);

/** Fields a user may change on their own account; anything else (role, email, flags) is rejected. */
export const mePatchSchema = z
  .strictObject({
    name: displayNameSchema.nullable(),
    timeZone: timeZoneSchema,
    units: z.enum(UNITS),
    locale: z.enum(LOCALES),
    birthDate: birthDateSchema.nullable(),
    sex: z.enum(SEXES).nullable(),
    heightCm: z.number().min(HEIGHT_MIN_CM).max(HEIGHT_MAX_CM).nullable(),
    heightIn: z
      .number()
      .min(HEIGHT_MIN_CM / 2.54)
      .max(HEIGHT_MAX_CM / 2.54),
    activityLevel: z.enum(ACTIVITY_LEVELS).nullable(),
    waterGoalMl: z.number().int().min(WATER_GOAL_MIN_ML).max(WATER_GOAL_MAX_ML),
    weekStartsOn: z.enum(WEEK_STARTS),
  })
  .partial()
  .refine((value) => !(value.heightCm !== undefined && value.heightIn !== undefined), {
    error: "send heightCm or heightIn, not both",
    path: ["heightIn"],
  });
export type MePatch = z.infer<typeof mePatchSchema>;
