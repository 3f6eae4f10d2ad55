import { and, arrayContains, asc, eq, gt, inArray, like, or } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Exercise } from "@fitcoach/contract";

import type { Database, Executor } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { searchableName } from "./exercise-catalog";
import { exercises } from "./exercises.tables";
import type { ExerciseRow } from "./exercises.tables";

export type ExerciseSummary = Omit<Exercise, "instructions">;

export interface ExerciseSearch {
  q?: string;
  muscle?: string;
  equipment?: string;
  limit: number;
  cursor?: string;
}

export interface ExercisesService {
  search(query: ExerciseSearch): Promise<{ items: ExerciseSummary[]; nextCursor: string | null }>;
  get(id: string): Promise<Exercise>;
  /** Names of the catalog exercises among `ids`; ids missing from the map are unknown. */
  namesOf(executor: Executor, ids: string[]): Promise<Map<string, string>>;
  /** Catalog ids by searchable name, for matching the exercise names of imported files. */
  idsByName(executor: Executor): Promise<Map<string, string>>;
}

export function createExercisesService(deps: { db: Database }): ExercisesService {
  return {
    async search(query) {
      const conditions: (SQL | undefined)[] = [];
      for (const word of searchableName(query.q ?? "")
        .split(" ")
        .filter(Boolean)) {
        // Words are reduced to [a-z0-9], so they carry no LIKE wildcards.
        conditions.push(like(exercises.searchName, `%${word}%`));
      }
      if (query.muscle) {
        const muscle = query.muscle.toLowerCase();
        conditions.push(
          or(
            arrayContains(exercises.primaryMuscles, [muscle]),
            arrayContains(exercises.secondaryMuscles, [muscle]),
          ),
        );
      }
      if (query.equipment) conditions.push(eq(exercises.equipment, query.equipment.toLowerCase()));
      if (query.cursor !== undefined) {
        const after = decodeCursor(query.cursor);
        conditions.push(
          or(
            gt(exercises.name, after.name),
            and(eq(exercises.name, after.name), gt(exercises.id, after.id)),
          ),
        );
      }

      const rows = await deps.db
        .select()
        .from(exercises)
        .where(and(...conditions))
        .orderBy(asc(exercises.name), asc(exercises.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map(toSummary),
        nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
      };
    },

    async get(id) {
      const rows = await deps.db.select().from(exercises).where(eq(exercises.id, id)).limit(1);
      const row = rows[0];
      if (!row) throw notFound(`Exercise ${id}`);
      return { ...toSummary(row), instructions: row.instructions };
    },

    async namesOf(executor, ids) {
      if (ids.length === 0) return new Map();
      const rows = await executor
        .select({ id: exercises.id, name: exercises.name })
        .from(exercises)
        .where(inArray(exercises.id, [...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, row.name]));
    },

    async idsByName(executor) {
      const rows = await executor
        .select({ id: exercises.id, searchName: exercises.searchName })
        .from(exercises);
      return new Map(rows.map((row) => [row.searchName, row.id]));
    },
  };
}

function toSummary(row: ExerciseRow): ExerciseSummary {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    level: row.level,
    force: row.force,
    mechanic: row.mechanic,
    equipment: row.equipment,
    primaryMuscles: row.primaryMuscles,
    secondaryMuscles: row.secondaryMuscles,
  };
}

function encodeCursor(row: ExerciseRow): string {
  return Buffer.from(JSON.stringify([row.name, row.id]), "utf8").toString("base64url");
}

// Longer than any exercise name or id in the catalog; longer text cannot come from a real page.
const CURSOR_TEXT_MAX = 300;

function decodeCursor(text: string): { name: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(value) &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      value[0].length <= CURSOR_TEXT_MAX &&
      value[1].length <= CURSOR_TEXT_MAX
    ) {
      return { name: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the problem below.
  }
  throw problem("validation-failed", {
    detail: "The cursor is not valid; start again without it.",
    errors: [{ field: "query.cursor", message: "is not a valid cursor" }],
  });
}
