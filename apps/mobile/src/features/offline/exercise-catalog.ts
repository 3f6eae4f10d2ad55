import { exercisePageSchema } from "@fitcoach/contract";
import type { z } from "zod";
import type { ApiClient } from "@fitcoach/client";

import { readCachedResource, writeCachedResource } from "../../storage/cached-resources";
import type { SqlDatabase } from "../../storage/sql-database";

export type ExerciseSummary = z.infer<typeof exercisePageSchema>["items"][number];

/** How often the copy of the catalog is refreshed; the catalog changes only with server updates. */
export const CATALOG_REFRESH_MS = 7 * 24 * 3_600_000;
const PAGE_SIZE = 100;
/** Stops a broken cursor chain from paging forever; the catalog has under a thousand exercises. */
const PAGES_MAX = 50;
const SYNC_MARKER_PATH = "/exercises#synced";

/**
 * Copies the whole exercise catalog into the local database, page by page, so search works
 * offline. Skips the download when the copy is younger than CATALOG_REFRESH_MS. Returns the
 * number of exercises stored, or null when the copy was fresh.
 */
export async function syncExerciseCatalog(
  database: SqlDatabase,
  api: ApiClient,
  now: Date = new Date(),
): Promise<number | null> {
  const marker = await readCachedResource<{ count: number }>(database, SYNC_MARKER_PATH);
  if (marker && now.getTime() - Date.parse(marker.fetchedAt) < CATALOG_REFRESH_MS) return null;

  const exercises: ExerciseSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < PAGES_MAX; page += 1) {
    const result = await api.request({
      path: "/exercises",
      query: { limit: PAGE_SIZE, cursor },
      schema: exercisePageSchema,
    });
    exercises.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }

  await database.transaction(async (executor) => {
    await executor.run("DELETE FROM exercises");
    for (const exercise of exercises) {
      await executor.run("INSERT INTO exercises (id, name, body) VALUES (?, ?, ?)", [
        exercise.id,
        exercise.name,
        JSON.stringify(exercise),
      ]);
    }
    await writeCachedResource(executor, SYNC_MARKER_PATH, { count: exercises.length }, null, now);
  });
  return exercises.length;
}

/**
 * Searches the local copy of the catalog: every word of `text` must appear in the name, ignoring
 * case, like the server's search. Results are ordered by name.
 */
export async function searchLocalExercises(
  database: SqlDatabase,
  text: string,
  limit = 20,
): Promise<ExerciseSummary[]> {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [];
  // instr() matches the words literally, so "%" or "_" typed by the user are not wildcards.
  const conditions = words.map(() => "instr(lower(name), ?) > 0").join(" AND ");
  const rows = await database.all<{ body: string }>(
    `SELECT body FROM exercises WHERE ${conditions} ORDER BY name LIMIT ?`,
    [...words, limit],
  );
  return rows.map((row) => JSON.parse(row.body) as ExerciseSummary);
}
