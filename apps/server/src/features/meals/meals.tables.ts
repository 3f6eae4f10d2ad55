import { sql } from "drizzle-orm";
import { MEAL_TYPES } from "@fitcoach/contract";
import { date, index, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

/** Nutrient amount of a whole item as exact decimal text; NULL means unknown, never zero. */
function nutrient(name: string) {
  return numeric(name, { precision: 14, scale: 6, mode: "string" });
}

/**
 * Columns shared by logged and saved meal items. Nutrients are stored as computed when the item
 * was written, so a later catalog update or custom food edit does not rewrite a logged day.
 * `food_id` has no foreign key, so an item stays when its custom food or catalog food is deleted.
 */
function itemColumns() {
  return {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    foodId: text("food_id"),
    portionId: text("portion_id"),
    portionLabel: text("portion_label"),
    quantity: numeric("quantity", { precision: 9, scale: 3, mode: "string" }),
    name: text("name").notNull(),
    grams: numeric("grams", { precision: 12, scale: 6, mode: "string" }).notNull(),
    kcal: nutrient("kcal"),
    protein: nutrient("protein"),
    carbs: nutrient("carbs"),
    fat: nutrient("fat"),
    fiber: nutrient("fiber"),
    sugar: nutrient("sugar"),
    sodiumMg: nutrient("sodium_mg"),
    saturatedFat: nutrient("saturated_fat"),
  };
}

/** A meal on a user's local calendar day. */
export const meals = pgTable(
  "meals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    type: text("type", { enum: MEAL_TYPES }).notNull(),
    note: text("note"),
    /** File name of the photo under DATA_DIR/uploads/<user id>/, or NULL without a photo. */
    photoFile: text("photo_file"),
    photoWidth: integer("photo_width"),
    photoHeight: integer("photo_height"),
    photoBytes: integer("photo_bytes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("meals_user_date_idx").on(table.userId, table.date, table.createdAt),
    index("meals_user_photo_idx")
      .on(table.userId)
      .where(sql`photo_file is not null`),
  ],
);

export type MealRow = typeof meals.$inferSelect;

export const mealItems = pgTable(
  "meal_items",
  {
    ...itemColumns(),
    mealId: uuid("meal_id")
      .notNull()
      .references(() => meals.id, { onDelete: "cascade" }),
  },
  (table) => [
    index("meal_items_meal_idx").on(table.mealId, table.position),
    // Deleting an account cascades through user_id; without an index each delete scans the table.
    index("meal_items_user_idx").on(table.userId),
  ],
);

export type MealItemRow = typeof mealItems.$inferSelect;

/** A meal kept as a template to log again on other days. */
export const savedMeals = pgTable(
  "saved_meals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type", { enum: MEAL_TYPES }),
    note: text("note"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("saved_meals_user_created_idx").on(table.userId, table.createdAt, table.id)],
);

export type SavedMealRow = typeof savedMeals.$inferSelect;

export const savedMealItems = pgTable(
  "saved_meal_items",
  {
    ...itemColumns(),
    savedMealId: uuid("saved_meal_id")
      .notNull()
      .references(() => savedMeals.id, { onDelete: "cascade" }),
  },
  (table) => [
    index("saved_meal_items_saved_meal_idx").on(table.savedMealId, table.position),
    index("saved_meal_items_user_idx").on(table.userId),
  ],
);

export type SavedMealItemRow = typeof savedMealItems.$inferSelect;
