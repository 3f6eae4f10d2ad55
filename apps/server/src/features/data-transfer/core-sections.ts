import { asc, eq, getTableColumns } from "drizzle-orm";

import type { Database, Executor } from "../../platform/database";
import { bodyEntries } from "../body/body.tables";
import { dayNotes } from "../days/days.tables";
import type { ExercisesService } from "../exercises/exercises.service";
import { goals } from "../goals/goals.tables";
import { moodEntries } from "../mood/mood.tables";
import type { DataSection } from "../nutrition-source/nutrition-source";
import { sleepEntries } from "../sleep/sleep.tables";
import { stepEntries } from "../steps/steps.tables";
import { waterEntries } from "../water/water.tables";
import { workouts, workoutSets } from "../workouts/workouts.tables";
import { contentKey, existingContentKeys } from "./content-key";
import { ImportError } from "./import-error";
import { exportValues, importValues, tableSection } from "./table-section";

const WORKOUT_COLUMNS = Object.entries(getTableColumns(workouts)).filter(
  ([key]) => key !== "userId",
);
const SET_COLUMNS = Object.entries(getTableColumns(workoutSets)).filter(
  ([key]) => !["id", "userId", "workoutId"].includes(key),
);

/**
 * Lists the sections of the tracking features, in import order. Goals and days use natural primary
 * keys, entries their `source_key`, so a row that already exists is skipped.
 */
export function trackingSections(db: Database, exercises: ExercisesService): DataSection[] {
  const entry = <
    T extends
      | typeof waterEntries
      | typeof sleepEntries
      | typeof moodEntries
      | typeof bodyEntries
      | typeof stepEntries,
  >(
    name: string,
    table: T,
  ): DataSection =>
    tableSection(db, name, {
      table,
      userId: table.userId,
      orderBy: [table.date, table.createdAt, table.id],
    });

  return [
    tableSection(db, "goals", { table: goals, userId: goals.userId, orderBy: [goals.userId] }),
    tableSection(db, "days", {
      table: dayNotes,
      userId: dayNotes.userId,
      orderBy: [dayNotes.date],
    }),
    entry("water", waterEntries),
    entry("sleep", sleepEntries),
    entry("mood", moodEntries),
    entry("body", bodyEntries),
    entry("steps", stepEntries),
    workoutSection(db, exercises),
  ];
}

/** Workouts with their sets nested under `sets`, in exercise and set order. */
function workoutSection(db: Database, exercises: ExercisesService): DataSection {
  return {
    name: "workouts",

    async exportRows(userId) {
      const rows = await db
        .select()
        .from(workouts)
        .where(eq(workouts.userId, userId))
        .orderBy(asc(workouts.date), asc(workouts.createdAt), asc(workouts.id));
      const sets = await db
        .select()
        .from(workoutSets)
        .where(eq(workoutSets.userId, userId))
        .orderBy(
          asc(workoutSets.workoutId),
          asc(workoutSets.exercisePosition),
          asc(workoutSets.setPosition),
        );
      const byWorkout = new Map<string, Record<string, unknown>[]>();
      for (const set of sets) {
        const list = byWorkout.get(set.workoutId) ?? [];
        list.push(exportValues(set, SET_COLUMNS));
        byWorkout.set(set.workoutId, list);
      }
      return rows.map((row) => ({
        ...exportValues(row, WORKOUT_COLUMNS),
        sets: byWorkout.get(row.id) ?? [],
      }));
    },

    async importRows(tx: Executor, userId, rows) {
      const prepared = rows.map((row, index) => {
        const where = `workouts[${index}]`;
        const { sets, ...fields } = row as { sets?: unknown };
        if (!Array.isArray(sets)) throw new ImportError(`${where}.sets must be a list.`);
        return {
          workout: importValues(fields, WORKOUT_COLUMNS, where, false),
          sets: sets.map((set, setIndex) =>
            importValues(
              set as Record<string, unknown>,
              SET_COLUMNS,
              `${where}.sets[${setIndex}]`,
              false,
            ),
          ),
        };
      });
      const exerciseIds = prepared.flatMap((item) =>
        item.sets.map((set) => set.exerciseId).filter((id): id is string => typeof id === "string"),
      );
      const known = await exercises.namesOf(tx, exerciseIds);

      const seen = await existingContentKeys(
        tx,
        workouts,
        workouts.userId,
        userId,
        WORKOUT_COLUMNS,
      );
      let added = 0;
      for (const item of prepared) {
        const key = contentKey(item.workout, WORKOUT_COLUMNS);
        if (seen.has(key)) continue;
        seen.add(key);
        const inserted = await tx
          .insert(workouts)
          .values({ ...(item.workout as typeof workouts.$inferInsert), userId })
          .onConflictDoNothing()
          .returning({ id: workouts.id });
        const workoutId = inserted[0]?.id;
        if (!workoutId) continue;
        added += 1;
        if (item.sets.length === 0) continue;
        await tx.insert(workoutSets).values(
          item.sets.map((set) => ({
            ...(set as typeof workoutSets.$inferInsert),
            // An id the catalog no longer has keeps its name and loses the link.
            exerciseId:
              typeof set.exerciseId === "string" && known.has(set.exerciseId)
                ? set.exerciseId
                : null,
            workoutId,
            userId,
          })),
        );
      }
      return added;
    },
  };
}
