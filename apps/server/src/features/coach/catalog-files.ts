import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

import type {
  CatalogExercise,
  CatalogFood,
  CatalogPortion,
  ExerciseCatalogSource,
  FoodCatalogSource,
} from "./coach-data";

/*
 * Food and exercise catalogs read from the data files shipped in data/ and kept in memory.
 * TODO: replace with the foods and exercises services, which serve the same records from the
 * database. Both use the same ids (USDA NDB numbers and free-exercise-db ids).
 */

const FOODS_FILE = "usda-sr28-foods.csv.gz";
const PORTIONS_FILE = "usda-sr28-portions.csv.gz";
const EXERCISES_FILE = "free-exercise-db-exercises.json.gz";

/** Folder of the shipped data files: FITCOACH_DATA_FILES_DIR, or data/ above this module. */
export function dataFilesFolder(): string {
  if (process.env.FITCOACH_DATA_FILES_DIR) return process.env.FITCOACH_DATA_FILES_DIR;

  // The module sits at a different depth in the source tree and in the bundle, so walk up.
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 8; depth += 1) {
    const candidate = path.join(folder, "data");
    if (existsSync(path.join(candidate, FOODS_FILE))) return candidate;
    folder = path.dirname(folder);
  }
  throw new Error(`data folder with ${FOODS_FILE} not found; set FITCOACH_DATA_FILES_DIR`);
}

/** Parses RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;

  for (let index = 0; index < text.length; index += 1) {
    const character = text[index]!;
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else quoted = false;
      continue;
    }
    if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (character !== "\r") field += character;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readGzipText(folder: string, name: string): string {
  return gunzipSync(readFileSync(path.join(folder, name))).toString("utf8");
}

function numberOrZero(text: string | undefined): number {
  return text ? Number(text) : 0;
}

/** Reads the USDA foods and portions files into catalog records, keyed by NDB number. */
export function loadFoods(folder = dataFilesFolder()): Map<string, CatalogFood> {
  const portions = new Map<string, CatalogPortion[]>();
  for (const [id, amount, unit, grams] of parseCsv(readGzipText(folder, PORTIONS_FILE)).slice(1)) {
    const list = portions.get(id!) ?? [];
    list.push({ amount: Number(amount), unit: unit!, grams: Number(grams) });
    portions.set(id!, list);
  }

  const foods = new Map<string, CatalogFood>();
  for (const row of parseCsv(readGzipText(folder, FOODS_FILE)).slice(1)) {
    const [id, description, group, kcal, protein, carbs, fat, fiber] = row;
    foods.set(id!, {
      id: id!,
      description: description!,
      group: group!,
      per100g: {
        kcal: numberOrZero(kcal),
        protein: numberOrZero(protein),
        carbs: numberOrZero(carbs),
        fat: numberOrZero(fat),
        fiber: numberOrZero(fiber),
      },
      portions: portions.get(id!) ?? [],
    });
  }
  return foods;
}

/** Reads the free-exercise-db file into catalog records, ordered by id. */
export function loadExercises(folder = dataFilesFolder()): CatalogExercise[] {
  const records = JSON.parse(readGzipText(folder, EXERCISES_FILE)) as CatalogExercise[];
  return records.sort((left, right) => left.id.localeCompare(right.id, "en"));
}

function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9%]+/)
    .filter((word) => word.length > 1);
}

/**
 * Ranks foods by how many query words their description contains, then by how early the first
 * one appears, then by description length, so "banana" finds "Bananas, raw" before banana bread.
 */
function rankFoods(foods: Iterable<CatalogFood>, text: string, limit: number): CatalogFood[] {
  const words = searchWords(text);
  if (words.length === 0) return [];

  const scored: { food: CatalogFood; matches: number; position: number }[] = [];
  for (const food of foods) {
    const description = food.description.toLowerCase();
    let matches = 0;
    let position = Number.MAX_SAFE_INTEGER;
    for (const word of words) {
      const at = description.indexOf(word);
      if (at >= 0) {
        matches += 1;
        position = Math.min(position, at);
      }
    }
    if (matches > 0) scored.push({ food, matches, position });
  }
  scored.sort(
    (left, right) =>
      right.matches - left.matches ||
      left.position - right.position ||
      left.food.description.length - right.food.description.length,
  );
  return scored.slice(0, limit).map((entry) => entry.food);
}

/** Creates a food catalog over the shipped USDA files, loaded on first use. */
export function createFileFoodCatalog(folder?: string): FoodCatalogSource {
  let foods: Map<string, CatalogFood> | null = null;
  const load = (): Map<string, CatalogFood> => (foods ??= loadFoods(folder));

  return {
    async byIds(ids) {
      const all = load();
      return ids.flatMap((id) => {
        const food = all.get(id);
        return food ? [food] : [];
      });
    },
    async search(text, limit) {
      return rankFoods(load().values(), text, limit);
    },
  };
}

/** Creates an exercise catalog over the shipped free-exercise-db file, loaded on first use. */
export function createFileExerciseCatalog(folder?: string): ExerciseCatalogSource {
  let exercises: CatalogExercise[] | null = null;

  return {
    async list(filter) {
      exercises ??= loadExercises(folder);
      return exercises.filter(
        (exercise) =>
          (!filter.equipment ||
            exercise.equipment === null ||
            exercise.equipment === "body only" ||
            filter.equipment.includes(exercise.equipment)) &&
          (!filter.categories || filter.categories.includes(exercise.category)) &&
          (!filter.levels || filter.levels.includes(exercise.level)),
      );
    },
  };
}
