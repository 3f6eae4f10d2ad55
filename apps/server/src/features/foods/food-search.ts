import { sql } from "drizzle-orm";
import type { Food } from "@fitcoach/contract";

import type { Executor } from "../../platform/database";
import { rowsOf } from "../../platform/database";

/** Most words of a query that take part in the search; the rest are ignored. */
const QUERY_WORDS_MAX = 8;
/** Search results a client can page through; a longer list needs a more specific query. */
export const SEARCH_RESULTS_MAX = 1000;

/**
 * Splits a query into lower-case words of letters and digits. Everything else (punctuation,
 * tsquery operators) is dropped, so the words can be joined into a tsquery safely.
 */
export function queryWords(query: string): string[] {
  return (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, QUERY_WORDS_MAX);
}

/**
 * Returns the foods visible to a user (the catalog and their own custom foods) that match a
 * query, best first, with their portions, in one query. Matching and ranking run in the
 * search_foods and search_food_ids SQL functions, and migration 0003_food-search-function.sql
 * documents the rank. A food matches when its name has every word as a prefix after English
 * stemming ("banan" finds "Bananas"). When fewer than five foods match that way, names similar by
 * pg_trgm trigrams are added ("bananna" finds "Bananas").
 */
export async function searchFoods(
  executor: Executor,
  userId: string,
  query: string,
  page: { offset: number; limit: number },
): Promise<Food[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const prefixQuery = words.map((word) => `${word}:*`).join(" & ");

  const result = await executor.execute(sql`
    select * from search_foods(${userId}, ${prefixQuery}, ${words.join(" ")}, ${page.limit}, ${page.offset})
  `);
  return rowsOf<SearchRow>(result).map(toFoodFromRow);
}

interface SearchRow {
  id: string;
  name: string;
  food_group: string | null;
  source: Food["source"];
  kcal: string | number | null;
  protein: string | number | null;
  carbs: string | number | null;
  fat: string | number | null;
  fiber: string | number | null;
  sugar: string | number | null;
  sodium_mg: string | number | null;
  saturated_fat: string | number | null;
  portions: { id: string; amount: number; unit: string; grams: number }[];
}

function toFoodFromRow(row: SearchRow): Food {
  return {
    id: row.id,
    name: row.name,
    group: row.food_group,
    source: row.source,
    per100g: {
      kcal: numberOrNull(row.kcal),
      protein: numberOrNull(row.protein),
      carbs: numberOrNull(row.carbs),
      fat: numberOrNull(row.fat),
      fiber: numberOrNull(row.fiber),
      sugar: numberOrNull(row.sugar),
      sodiumMg: numberOrNull(row.sodium_mg),
      saturatedFat: numberOrNull(row.saturated_fat),
    },
    portions: row.portions.map((portion) => ({
      id: portion.id,
      amount: Number(portion.amount),
      unit: portion.unit,
      grams: Number(portion.grams),
    })),
  };
}

// node-postgres returns numeric as text and PGlite may return a number; both convert exactly.
function numberOrNull(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}
