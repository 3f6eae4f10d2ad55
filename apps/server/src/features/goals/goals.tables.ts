import { integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

/** One row of targets per user; a null column means no target. */
export const goals = pgTable("goals", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  targetWeightValue: numeric("target_weight_value", { precision: 8, scale: 2, mode: "number" }),
  targetWeightUnit: text("target_weight_unit", { enum: ["kg", "lb"] }),
  targetWeightKg: numeric("target_weight_kg", { precision: 10, scale: 4, mode: "number" }),
  kcal: integer("kcal"),
  proteinG: integer("protein_g"),
  carbsG: integer("carbs_g"),
  fatG: integer("fat_g"),
  fiberG: integer("fiber_g"),
  waterMl: integer("water_ml"),
  sleepMin: integer("sleep_min"),
  steps: integer("steps"),
  weeklyWorkouts: integer("weekly_workouts"),
  version: integer("version").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
export type GoalsRow = typeof goals.$inferSelect;
