import { sql } from "drizzle-orm";
import {
  customType,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/** Nutrient amount per 100 g, kept as exact decimal text; NULL means the source has no value. */
function per100g(name: string) {
  return numeric(name, { precision: 10, scale: 3, mode: "string" });
}

/**
 * Catalog foods (`user_id` NULL, id = NDB number such as "09040") and custom foods (owned by a
 * user, id = UUID text) in one table, so one indexed query searches both.
 */
export const foods = pgTable(
  "foods",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    source: text("source", { enum: ["usda-sr28", "custom"] }).notNull(),
    name: text("name").notNull(),
    foodGroup: text("food_group"),
    kcal: per100g("kcal"),
    protein: per100g("protein"),
    carbs: per100g("carbs"),
    fat: per100g("fat"),
    fiber: per100g("fiber"),
    sugar: per100g("sugar"),
    sodiumMg: per100g("sodium_mg"),
    saturatedFat: per100g("saturated_fat"),
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('english'::regconfig, name)`),
    /** The name up to its first comma, lower-cased: the food itself in USDA names ("bananas"). */
    searchHead: text("search_head")
      .notNull()
      .generatedAlwaysAs(sql`lower(split_part(name, ',', 1))`),
    /** Rank bonus that depends on the name alone: raw forms up, long names down. */
    staticRank: doublePrecision("static_rank")
      .notNull()
      .generatedAlwaysAs(
        sql`case when name ~* '(^|[^a-z])raw([^a-z]|$)' then 0.03 else 0 end - 0.004 * length(name)`,
      ),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // Without fastupdate, inserts go straight into the GIN trees. A pending list would otherwise
    // be scanned linearly by every search until a vacuum, and PGlite never runs autovacuum.
    index("foods_search_vector_idx").using("gin", table.searchVector).with({ fastupdate: false }),
    index("foods_name_trigram_idx")
      .using("gin", table.name.op("gin_trgm_ops"))
      .with({ fastupdate: false }),
    index("foods_name_idx").on(table.name, table.id),
    index("foods_search_head_idx").on(table.searchHead.op("text_pattern_ops")),
    index("foods_user_created_idx")
      .on(table.userId, table.createdAt, table.id)
      .where(sql`user_id is not null`),
  ],
);

export type FoodRow = typeof foods.$inferSelect;

/** Household measures of a food: `amount` × `unit` weighs `grams`. */
export const foodPortions = pgTable(
  "food_portions",
  {
    /** "<food id>-<position>" for catalog portions, a UUID for custom ones; stable across reloads. */
    id: text("id").primaryKey(),
    foodId: text("food_id")
      .notNull()
      .references(() => foods.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    amount: numeric("amount", { precision: 10, scale: 3, mode: "string" }).notNull(),
    unit: text("unit").notNull(),
    grams: numeric("grams", { precision: 10, scale: 3, mode: "string" }).notNull(),
  },
  (table) => [index("food_portions_food_idx").on(table.foodId, table.position)],
);

export type FoodPortionRow = typeof foodPortions.$inferSelect;

/** Loaded version of each bundled catalog, so startup can skip an unchanged catalog. */
export const foodCatalogs = pgTable("food_catalogs", {
  source: text("source").primaryKey(),
  /** SHA-256 of the catalog files and the loader version. */
  contentHash: text("content_hash").notNull(),
  foodCount: integer("food_count").notNull(),
  portionCount: integer("portion_count").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull(),
});
