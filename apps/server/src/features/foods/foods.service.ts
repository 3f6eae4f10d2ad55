import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Food, FoodPage, FoodSearchQuery, Per100g, Portion } from "@fitcoach/contract";

import type { Database, Executor } from "../../platform/database";
import type { Micros } from "../../platform/decimal";
import { parseDecimal } from "../../platform/decimal";
import { problem } from "../../platform/errors";
import { SEARCH_RESULTS_MAX, searchFoods } from "./food-search";
import { foodPortions, foods } from "./foods.tables";
import type { FoodPortionRow, FoodRow } from "./foods.tables";

/** Nutrient fields of a food's per100g object, in response order. */
export const PER_100G_FIELDS = [
  "kcal",
  "protein",
  "carbs",
  "fat",
  "fiber",
  "sugar",
  "sodiumMg",
  "saturatedFat",
] as const satisfies readonly (keyof Per100g)[];

/** A food as meal logging needs it: exact per-100 g values and portions by id. */
export interface LoggableFood {
  id: string;
  name: string;
  per100g: Record<keyof Per100g, Micros | null>;
  portions: Map<string, { amount: Micros; unit: string; grams: Micros }>;
}

export interface FoodsService {
  searchFoods(userId: string, query: FoodSearchQuery): Promise<FoodPage>;
  /** A catalog food or one of the user's custom foods; null for anything else. */
  getFood(userId: string, foodId: string): Promise<Food | null>;
  /** Loads the given foods visible to the user in two queries; unknown ids are left out. */
  findLoggableFoods(
    executor: Executor,
    userId: string,
    foodIds: string[],
  ): Promise<Map<string, LoggableFood>>;
}

type Cursor = { offset: number } | { afterName: string; afterId: string };

export function createFoodsService(deps: { db: Database }): FoodsService {
  const { db } = deps;

  async function withPortions(executor: Executor, rows: FoodRow[]): Promise<Food[]> {
    if (rows.length === 0) return [];
    const portionRows = await executor
      .select()
      .from(foodPortions)
      .where(
        inArray(
          foodPortions.foodId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(foodPortions.foodId), asc(foodPortions.position));
    const portionsByFood = groupPortions(portionRows);
    return rows.map((row) => toFood(row, portionsByFood.get(row.id) ?? []));
  }

  async function search(
    userId: string,
    text: string,
    offset: number,
    limit: number,
  ): Promise<FoodPage> {
    const found = await searchFoods(db, userId, text, { offset, limit: limit + 1 });
    const hasMore = found.length > limit && offset + limit < SEARCH_RESULTS_MAX;
    return {
      items: found.slice(0, limit),
      nextCursor: hasMore ? encodeCursor({ offset: offset + limit }) : null,
    };
  }

  async function browse(userId: string, after: Cursor | null, limit: number): Promise<FoodPage> {
    const visible = or(isNull(foods.userId), eq(foods.userId, userId));
    const position =
      after && "afterName" in after
        ? or(
            gt(foods.name, after.afterName),
            and(eq(foods.name, after.afterName), gt(foods.id, after.afterId)),
          )
        : undefined;
    const rows = await db
      .select()
      .from(foods)
      .where(and(visible, position))
      .orderBy(asc(foods.name), asc(foods.id))
      .limit(limit + 1);
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    return {
      items: await withPortions(db, pageRows),
      nextCursor:
        rows.length > limit && last
          ? encodeCursor({ afterName: last.name, afterId: last.id })
          : null,
    };
  }

  return {
    async searchFoods(userId, query) {
      const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
      const text = query.q ?? "";

      if (text === "") {
        if (cursor && "offset" in cursor) throw invalidCursor();
        return browse(userId, cursor, query.limit);
      }
      if (cursor && !("offset" in cursor)) throw invalidCursor();
      return search(userId, text, cursor?.offset ?? 0, query.limit);
    },

    async getFood(userId, foodId) {
      const rows = await db
        .select()
        .from(foods)
        .where(and(eq(foods.id, foodId), or(isNull(foods.userId), eq(foods.userId, userId))));
      const [food] = await withPortions(db, rows);
      return food ?? null;
    },

    async findLoggableFoods(executor, userId, foodIds) {
      const result = new Map<string, LoggableFood>();
      if (foodIds.length === 0) return result;

      const rows = await executor
        .select()
        .from(foods)
        .where(and(inArray(foods.id, foodIds), or(isNull(foods.userId), eq(foods.userId, userId))));
      if (rows.length === 0) return result;
      const portionRows = await executor
        .select()
        .from(foodPortions)
        .where(
          inArray(
            foodPortions.foodId,
            rows.map((row) => row.id),
          ),
        );

      const portionsByFood = groupPortions(portionRows);
      for (const row of rows) {
        const portions = new Map(
          (portionsByFood.get(row.id) ?? []).map((portion) => [
            portion.id,
            {
              amount: parseDecimal(portion.amount),
              unit: portion.unit,
              grams: parseDecimal(portion.grams),
            },
          ]),
        );
        result.set(row.id, { id: row.id, name: row.name, per100g: exactPer100g(row), portions });
      }
      return result;
    },
  };
}

/** Maps a food row and its portions to the API shape; numbers keep their published digits. */
export function toFood(row: FoodRow, portions: FoodPortionRow[]): Food {
  return {
    id: row.id,
    name: row.name,
    group: row.foodGroup,
    source: row.source,
    per100g: {
      kcal: numberOrNull(row.kcal),
      protein: numberOrNull(row.protein),
      carbs: numberOrNull(row.carbs),
      fat: numberOrNull(row.fat),
      fiber: numberOrNull(row.fiber),
      sugar: numberOrNull(row.sugar),
      sodiumMg: numberOrNull(row.sodiumMg),
      saturatedFat: numberOrNull(row.saturatedFat),
    },
    portions: portions.map(toPortion),
  };
}

export function groupPortions(rows: FoodPortionRow[]): Map<string, FoodPortionRow[]> {
  const grouped = new Map<string, FoodPortionRow[]>();
  for (const row of [...rows].sort((left, right) => left.position - right.position)) {
    const list = grouped.get(row.foodId) ?? [];
    list.push(row);
    grouped.set(row.foodId, list);
  }
  return grouped;
}

function toPortion(row: FoodPortionRow): Portion {
  return { id: row.id, amount: Number(row.amount), unit: row.unit, grams: Number(row.grams) };
}

function exactPer100g(row: FoodRow): Record<keyof Per100g, Micros | null> {
  const values = {} as Record<keyof Per100g, Micros | null>;
  for (const field of PER_100G_FIELDS) {
    const text = row[field];
    values[field] = text === null ? null : parseDecimal(text);
  }
  return values;
}

function numberOrNull(text: string | null): number | null {
  return text === null ? null : Number(text);
}

function encodeCursor(cursor: Cursor): string {
  const payload =
    "offset" in cursor ? { o: cursor.offset } : { n: cursor.afterName, i: cursor.afterId };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

// Longer than any food name or id; longer text cannot come from a real page.
const CURSOR_TEXT_MAX = 500;

function decodeCursor(text: string): Cursor {
  const payload = parseCursorPayload(text);
  const offset = payload?.o;
  if (typeof offset === "number" && Number.isInteger(offset) && offset > 0) {
    if (offset < SEARCH_RESULTS_MAX) return { offset };
  }
  if (
    typeof payload?.n === "string" &&
    typeof payload.i === "string" &&
    payload.n.length <= CURSOR_TEXT_MAX &&
    payload.i.length <= CURSOR_TEXT_MAX
  ) {
    return { afterName: payload.n, afterId: payload.i };
  }
  throw invalidCursor();
}

function parseCursorPayload(text: string): Record<string, unknown> | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return typeof payload === "object" && payload !== null
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function invalidCursor(): Error {
  return problem("validation-failed", {
    detail: "The cursor is not one this search returned; start again without a cursor.",
    errors: [{ field: "query.cursor", message: "is not a valid cursor for this query" }],
  });
}
