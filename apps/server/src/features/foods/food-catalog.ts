import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { eq, sql } from "drizzle-orm";
import type { Logger } from "pino";

import type { Database, Executor } from "../../platform/database";
import { referenceDataFolder } from "../../platform/reference-data";
import { foodCatalogs } from "./foods.tables";

export const CATALOG_SOURCE = "usda-sr28";
const FOODS_FILE = "usda-sr28-foods.csv.gz";
const PORTIONS_FILE = "usda-sr28-portions.csv.gz";
/** Part of the content hash: change it when the mapping below changes, so databases reload. */
const LOADER_VERSION = "1";
const BATCH_ROWS = 1000;
// Any server instance may load the catalog at start; the lock makes the others wait.
const CATALOG_LOCK_ID = 4_711_2030;

const FOOD_COLUMNS = [
  "fdc_or_ndb_id",
  "description",
  "food_group",
  "kcal",
  "protein_g",
  "carbs_g",
  "fat_g",
  "fiber_g",
  "sugar_g",
  "sodium_mg",
  "saturated_fat_g",
];
const PORTION_COLUMNS = ["ndb_id", "amount", "unit", "grams"];
// USDA writes some amounts without the leading zero, such as ".5".
const DECIMAL_TEXT = /^(\d{1,7}(\.\d{1,3})?|\.\d{1,3})$/;

interface CatalogFood {
  id: string;
  name: string;
  food_group: string | null;
  kcal: string | null;
  protein: string | null;
  carbs: string | null;
  fat: string | null;
  fiber: string | null;
  sugar: string | null;
  sodium_mg: string | null;
  saturated_fat: string | null;
}

interface CatalogPortion {
  id: string;
  food_id: string;
  position: number;
  amount: string;
  unit: string;
  grams: string;
}

export interface CatalogFiles {
  foods: Buffer;
  portions: Buffer;
}

export function readCatalogFiles(folder = referenceDataFolder()): CatalogFiles {
  return {
    foods: readFileSync(path.join(folder, FOODS_FILE)),
    portions: readFileSync(path.join(folder, PORTIONS_FILE)),
  };
}

/**
 * Loads the USDA SR28 foods and portions unless this exact version is already loaded. Runs at
 * every start, so the unchanged case costs one query. A changed catalog replaces the catalog rows
 * in one transaction. Custom foods are not touched, and logged meals keep their own copies of
 * nutrient values.
 */
export async function loadFoodCatalog(
  db: Database,
  logger: Logger,
  files: CatalogFiles = readCatalogFiles(),
): Promise<"loaded" | "unchanged"> {
  const contentHash = hashCatalog(files);
  if (await isLoaded(db, contentHash)) return "unchanged";

  const startedAt = performance.now();
  const foodRows = parseFoods(gunzipSync(files.foods).toString("utf8"));
  const portionRows = parsePortions(
    gunzipSync(files.portions).toString("utf8"),
    new Set(foodRows.map((food) => food.id)),
  );

  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CATALOG_LOCK_ID})`);
    if (await isLoaded(tx, contentHash)) return "unchanged" as const;

    await replaceCatalogRows(tx, foodRows, portionRows);
    const record = {
      contentHash,
      foodCount: foodRows.length,
      portionCount: portionRows.length,
      loadedAt: new Date(),
    };
    await tx
      .insert(foodCatalogs)
      .values({ source: CATALOG_SOURCE, ...record })
      .onConflictDoUpdate({ target: foodCatalogs.source, set: record });
    return "loaded" as const;
  });

  if (outcome === "loaded") {
    // Fresh statistics let the planner pick the search indexes from the first query on.
    await db.execute(sql`analyze foods, food_portions`);
    logger.info(
      {
        source: CATALOG_SOURCE,
        foods: foodRows.length,
        portions: portionRows.length,
        durationMs: Math.round(performance.now() - startedAt),
      },
      "food catalog loaded",
    );
  }
  return outcome;
}

function hashCatalog(files: CatalogFiles): string {
  return createHash("sha256")
    .update(`loader ${LOADER_VERSION}\n`)
    .update(files.foods)
    .update(files.portions)
    .digest("hex");
}

async function isLoaded(executor: Executor, contentHash: string): Promise<boolean> {
  const rows = await executor
    .select({ contentHash: foodCatalogs.contentHash })
    .from(foodCatalogs)
    .where(eq(foodCatalogs.source, CATALOG_SOURCE));
  return rows[0]?.contentHash === contentHash;
}

/**
 * Writes the catalog in batches of 1,000 rows. Each batch travels as one JSON parameter that
 * PostgreSQL unpacks with json_to_recordset, which saves the parameter lists of multi-row INSERTs
 * on both PostgreSQL and PGlite. Batches keep PGlite's WebAssembly memory, which never shrinks,
 * from growing by the size of the whole catalog. Unchanged foods are not rewritten.
 */
async function replaceCatalogRows(
  tx: Executor,
  foodRows: CatalogFood[],
  portionRows: CatalogPortion[],
): Promise<void> {
  for (const batch of batches(foodRows)) {
    await tx.execute(sql`
      insert into foods (id, source, name, food_group, kcal, protein, carbs, fat, fiber, sugar,
        sodium_mg, saturated_fat)
      select id, ${CATALOG_SOURCE}, name, food_group, kcal, protein, carbs, fat, fiber, sugar,
        sodium_mg, saturated_fat
      from json_to_recordset(${JSON.stringify(batch)}::json) as row(id text, name text,
        food_group text, kcal numeric, protein numeric, carbs numeric, fat numeric,
        fiber numeric, sugar numeric, sodium_mg numeric, saturated_fat numeric)
      on conflict (id) do update set
        name = excluded.name, food_group = excluded.food_group, kcal = excluded.kcal,
        protein = excluded.protein, carbs = excluded.carbs, fat = excluded.fat,
        fiber = excluded.fiber, sugar = excluded.sugar, sodium_mg = excluded.sodium_mg,
        saturated_fat = excluded.saturated_fat, updated_at = now()
      where (foods.name, foods.food_group, foods.kcal, foods.protein, foods.carbs, foods.fat,
        foods.fiber, foods.sugar, foods.sodium_mg, foods.saturated_fat)
        is distinct from (excluded.name, excluded.food_group, excluded.kcal, excluded.protein,
        excluded.carbs, excluded.fat, excluded.fiber, excluded.sugar, excluded.sodium_mg,
        excluded.saturated_fat)
    `);
  }
  const ids = JSON.stringify(foodRows.map((food) => food.id));
  await tx.execute(sql`
    delete from foods
    where source = ${CATALOG_SOURCE}
      and id not in (select json_array_elements_text(${ids}::json))
  `);

  await tx.execute(sql`
    delete from food_portions
    where food_id in (select id from foods where source = ${CATALOG_SOURCE})
  `);
  for (const batch of batches(portionRows)) {
    await tx.execute(sql`
      insert into food_portions (id, food_id, position, amount, unit, grams)
      select id, food_id, position, amount, unit, grams
      from json_to_recordset(${JSON.stringify(batch)}::json) as row(id text, food_id text,
        position integer, amount numeric, unit text, grams numeric)
    `);
  }
}

function batches<T>(rows: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    result.push(rows.slice(start, start + BATCH_ROWS));
  }
  return result;
}

function parseFoods(text: string): CatalogFood[] {
  const records = parseCsv(text, FOOD_COLUMNS, FOODS_FILE);
  return records.map((record, index) => {
    const line = index + 2;
    const id = record[0]!;
    if (!/^\d{5}$/.test(id)) throw catalogError(FOODS_FILE, line, `invalid NDB number "${id}"`);
    const name = record[1]!.trim();
    if (!name) throw catalogError(FOODS_FILE, line, "missing description");

    const value = (column: number): string | null => decimalOrNull(record[column]!, line);
    return {
      id,
      name,
      food_group: record[2]!.trim() || null,
      kcal: value(3),
      protein: value(4),
      carbs: value(5),
      fat: value(6),
      fiber: value(7),
      sugar: value(8),
      sodium_mg: value(9),
      saturated_fat: value(10),
    };
  });
}

function parsePortions(text: string, foodIds: Set<string>): CatalogPortion[] {
  const records = parseCsv(text, PORTION_COLUMNS, PORTIONS_FILE);
  const positions = new Map<string, number>();
  return records.map((record, index) => {
    const line = index + 2;
    const [foodId, amount, unit, grams] = record as [string, string, string, string];
    if (!foodIds.has(foodId))
      throw catalogError(PORTIONS_FILE, line, `food "${foodId}" is not in ${FOODS_FILE}`);
    if (!DECIMAL_TEXT.test(amount) || !DECIMAL_TEXT.test(grams)) {
      throw catalogError(PORTIONS_FILE, line, "amount and grams must be decimal numbers");
    }

    // The file lists each food's portions in the USDA sequence order; the position keeps it.
    const position = (positions.get(foodId) ?? 0) + 1;
    positions.set(foodId, position);
    return {
      id: `${foodId}-${position}`,
      food_id: foodId,
      position,
      amount,
      unit: unit.trim(),
      grams,
    };
  });
}

function parseCsv(text: string, columns: string[], file: string): string[][] {
  const records = parse(text, { relax_column_count: false }) as string[][];
  const header = records.shift() ?? [];
  if (header.join(",") !== columns.join(",")) {
    throw new Error(
      `${file}: expected the columns ${columns.join(",")}, got ${header.join(",")}; rebuild the file with data/build_data.py`,
    );
  }
  return records;
}

/** Keeps the published decimal text; an empty cell is a missing value, never zero. */
function decimalOrNull(cell: string, line: number): string | null {
  if (cell === "") return null;
  if (!DECIMAL_TEXT.test(cell)) throw catalogError(FOODS_FILE, line, `invalid number "${cell}"`);
  return cell;
}

function catalogError(file: string, line: number, message: string): Error {
  return new Error(`${file} line ${line}: ${message}; rebuild the file with data/build_data.py`);
}
