import { index, pgTable, text } from "drizzle-orm/pg-core";

/**
 * The exercise catalog (free-exercise-db, public domain), shared and read-only for users. Ids are
 * the catalog's own slugs. `search_name` is the lower-cased name that searches match against.
 */
export const exercises = pgTable(
  "exercises",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    searchName: text("search_name").notNull(),
    category: text("category").notNull(),
    level: text("level").notNull(),
    force: text("force"),
    mechanic: text("mechanic"),
    equipment: text("equipment"),
    primaryMuscles: text("primary_muscles").array().notNull(),
    secondaryMuscles: text("secondary_muscles").array().notNull(),
    instructions: text("instructions").array().notNull(),
  },
  (table) => [
    index("exercises_name_idx").on(table.name, table.id),
    index("exercises_search_name_idx").on(table.searchName),
    index("exercises_equipment_idx").on(table.equipment),
    index("exercises_primary_muscles_idx").using("gin", table.primaryMuscles),
    index("exercises_secondary_muscles_idx").using("gin", table.secondaryMuscles),
  ],
);
export type ExerciseRow = typeof exercises.$inferSelect;
