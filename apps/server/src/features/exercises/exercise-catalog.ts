import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { count, sql } from "drizzle-orm";
import type { Logger } from "pino";

import type { Database } from "../../platform/database";
import { exercises } from "./exercises.tables";

const CATALOG_FILE = "free-exercise-db-exercises.json.gz";
/** Exercises in the shipped file; a table with this many rows is taken as loaded. */
export const EXERCISE_CATALOG_SIZE = 873;

interface CatalogExercise {
  id: string;
  name: string;
  force: string | null;
  level: string;
  mechanic: string | null;
  equipment: string | null;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  instructions: string[];
  category: string;
}

/** Folder of the shipped data sets, found from the source tree or from the bundle in dist. */
export function dataFolder(): string {
  if (process.env.FITCOACH_DATA_DIR) return process.env.FITCOACH_DATA_DIR;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, "../../../../../data"),
    path.resolve(here, "../../../data"),
    path.resolve(here, "../../../../data"),
  ];
  return candidates.find((folder) => existsSync(path.join(folder, CATALOG_FILE))) ?? candidates[0]!;
}

/** Lower-cases a name and folds punctuation to spaces, the form exercise searches compare. */
export function searchableName(name: string): string {
  return name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Loads the exercise catalog unless the table already contains the shipped number of rows. The
 * check is one count query, so a normal start never reads the file. Rows are upserted by id, so a
 * load after a partial one completes it.
 */
export async function loadExerciseCatalog(db: Database, logger: Logger): Promise<number> {
  const [current] = await db.select({ total: count() }).from(exercises);
  if (current?.total === EXERCISE_CATALOG_SIZE) return 0;

  const file = path.join(dataFolder(), CATALOG_FILE);
  const catalog = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as CatalogExercise[];
  if (catalog.length !== EXERCISE_CATALOG_SIZE) {
    throw new Error(
      `${CATALOG_FILE} has ${catalog.length} exercises, not ${EXERCISE_CATALOG_SIZE}; update EXERCISE_CATALOG_SIZE with the file.`,
    );
  }

  const rows = catalog.map((item) => ({
    id: item.id,
    name: item.name,
    searchName: searchableName(item.name),
    category: item.category,
    level: item.level,
    force: item.force,
    mechanic: item.mechanic,
    equipment: item.equipment,
    primaryMuscles: item.primaryMuscles,
    secondaryMuscles: item.secondaryMuscles,
    instructions: item.instructions,
  }));
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += 500) {
      await tx
        .insert(exercises)
        .values(rows.slice(start, start + 500))
        .onConflictDoUpdate({
          target: exercises.id,
          set: {
            name: sql`excluded.name`,
            searchName: sql`excluded.search_name`,
            category: sql`excluded.category`,
            level: sql`excluded.level`,
            force: sql`excluded.force`,
            mechanic: sql`excluded.mechanic`,
            equipment: sql`excluded.equipment`,
            primaryMuscles: sql`excluded.primary_muscles`,
            secondaryMuscles: sql`excluded.secondary_muscles`,
            instructions: sql`excluded.instructions`,
          },
        });
    }
  });
  logger.info({ exercises: rows.length }, "exercise catalog loaded");
  return rows.length;
}
