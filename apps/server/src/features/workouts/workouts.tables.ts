import {
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { entryColumns, entryIndexes } from "../entries/entry-columns";
import { users } from "../accounts/accounts.tables";
import { exercises } from "../exercises/exercises.tables";

export const WORKOUT_SOURCES = ["manual", "fitcoach-json", "strong-csv", "hevy-csv"] as const;

export const workouts = pgTable(
  "workouts",
  {
    ...entryColumns(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }),
    title: text("title"),
    durationMin: integer("duration_min").notNull(),
    intensity: smallint("intensity").notNull(),
    avgHeartRate: smallint("avg_heart_rate"),
    notes: text("notes"),
    source: text("source", { enum: WORKOUT_SOURCES }).notNull().default("manual"),
  },
  (table) => entryIndexes("workouts", table),
);
export type WorkoutRow = typeof workouts.$inferSelect;

/**
 * Sets of a workout, in order: `exercise_position` orders the exercises, `set_position` the sets
 * within one. Imported exercises that match no catalog entry keep their name and a null id.
 * Loads keep the entered value and unit beside the kilograms used for records and volume.
 */
export const workoutSets = pgTable(
  "workout_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workoutId: uuid("workout_id")
      .notNull()
      .references(() => workouts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    exercisePosition: smallint("exercise_position").notNull(),
    setPosition: smallint("set_position").notNull(),
    exerciseId: text("exercise_id").references(() => exercises.id),
    exerciseName: text("exercise_name").notNull(),
    reps: integer("reps"),
    weightValue: numeric("weight_value", { precision: 8, scale: 2, mode: "number" }),
    weightUnit: text("weight_unit", { enum: ["kg", "lb"] }),
    weightKg: numeric("weight_kg", { precision: 10, scale: 4, mode: "number" }),
    durationSec: integer("duration_sec"),
    distanceM: numeric("distance_m", { precision: 10, scale: 2, mode: "number" }),
  },
  (table) => [
    index("workout_sets_workout_idx").on(
      table.workoutId,
      table.exercisePosition,
      table.setPosition,
    ),
    index("workout_sets_user_exercise_idx").on(table.userId, table.exerciseId),
  ],
);
export type WorkoutSetRow = typeof workoutSets.$inferSelect;
