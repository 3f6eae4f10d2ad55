import { customFoodPageSchema } from "@fitcoach/contract";
import type { Food } from "@fitcoach/contract";
import type { ApiClient } from "@fitcoach/client";

import type { SqlDatabase } from "../../storage/sql-database";

/** Catalog foods kept from searches and meals; the oldest beyond this are dropped. */
export const REMEMBERED_FOODS_MAX = 500;
const PAGE_SIZE = 100;
/** Stops a broken cursor chain; a user keeps far fewer custom foods than this many pages hold. */
const PAGES_MAX = 50;

/**
 * Copies the user's custom foods into the local database, replacing the previous copy, so they
 * can be found and logged offline. Returns how many were stored.
 */
export async function syncCustomFoods(database: SqlDatabase, api: ApiClient): Promise<number> {
  const foods: Food[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < PAGES_MAX; page += 1) {
    const result = await api.request({
      path: "/custom-foods",
      query: { limit: PAGE_SIZE, cursor },
      schema: customFoodPageSchema,
    });
    foods.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }

  const now = new Date().toISOString();
  await database.transaction(async (executor) => {
    await executor.run("DELETE FROM foods WHERE is_own = 1");
    for (const food of foods) {
      await executor.run(
        "INSERT OR REPLACE INTO foods (id, name, body, is_own, updated_at) VALUES (?, ?, ?, 1, ?)",
        [food.id, food.name, JSON.stringify(food), now],
      );
    }
  });
  return foods.length;
}

/**
 * Keeps catalog foods the user searched for or logged, so the same search works offline later.
 * The user's own foods keep their place; catalog foods beyond REMEMBERED_FOODS_MAX are dropped,
 * least recently seen first.
 */
export async function rememberFoods(database: SqlDatabase, foods: readonly Food[]): Promise<void> {
  const now = new Date().toISOString();
  await database.transaction(async (executor) => {
    for (const food of foods) {
      await executor.run(
        "INSERT INTO foods (id, name, body, is_own, updated_at) VALUES (?, ?, ?, ?, ?) " +
          "ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body, " +
          "updated_at = excluded.updated_at",
        [food.id, food.name, JSON.stringify(food), food.source === "custom" ? 1 : 0, now],
      );
    }
    await executor.run(
      "DELETE FROM foods WHERE is_own = 0 AND id NOT IN " +
        "(SELECT id FROM foods WHERE is_own = 0 ORDER BY updated_at DESC LIMIT ?)",
      [REMEMBERED_FOODS_MAX],
    );
  });
}

/**
 * Searches the foods kept on the device: every word of `text` must appear in the name, ignoring
 * case. The user's own foods come first, then names that start with the first word, then shorter
 * names, so "Bananas, raw" comes before "Babyfood, … bananas".
 */
export async function searchLocalFoods(
  database: SqlDatabase,
  text: string,
  limit = 20,
): Promise<Food[]> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  // instr() matches the words literally, so "%" or "_" typed by the user are not wildcards.
  const conditions = words.map(() => "instr(lower(name), ?) > 0").join(" AND ");
  const first = words[0]!;
  const rows = await database.all<{ body: string }>(
    `SELECT body FROM foods WHERE ${conditions} ORDER BY is_own DESC, ` +
      "substr(lower(name), 1, length(?)) = ? DESC, length(name), name LIMIT ?",
    [...words, first, first, limit],
  );
  return rows.map((row) => JSON.parse(row.body) as Food);
}
