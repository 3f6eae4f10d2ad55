import { and, asc, between, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type {
  ExerciseRecords,
  Workout,
  WorkoutCreate,
  WorkoutPatch,
  WorkoutSetInput,
} from "@fitcoach/contract";
import { DateTime } from "luxon";

import type { Clock } from "../../platform/clock";
import { rowsOf } from "../../platform/database";
import type { Database, Executor } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import { addDays, assertLoggableDate } from "../../platform/local-date";
import { roundTo, storeWeight } from "../../platform/units";
import { assertDateRange } from "../entries/date-range";
import { entryMeta } from "../entries/entry-service";
import type { EntryAuthor } from "../entries/entry-service";
import type { ExercisesService } from "../exercises/exercises.service";
import { sessionLoad, toWorkoutSet } from "./workout-math";
import { workouts, workoutSets } from "./workouts.tables";
import type { WorkoutRow, WorkoutSetRow } from "./workouts.tables";

/** A set ready to store: catalog id (or null for an unmatched imported name) and its values. */
export interface NewWorkoutSet {
  exerciseId: string | null;
  exerciseName: string;
  reps: number | null;
  weightValue: number | null;
  weightUnit: "kg" | "lb" | null;
  weightKg: number | null;
  durationSec: number | null;
  distanceM: number | null;
}

/** A workout ready to store, as the import code builds it. */
export interface NewWorkout {
  date: string;
  startedAt: Date | null;
  title: string | null;
  durationMin: number;
  intensity: number;
  avgHeartRate: number | null;
  notes: string | null;
  source: WorkoutRow["source"];
  sourceKey: string | null;
  version?: number;
  createdAt?: Date;
  updatedAt?: Date;
  /** Exercises in order, each with its sets in order. */
  exercises: NewWorkoutSet[][];
}

export interface WorkoutsService {
  create(author: EntryAuthor, input: WorkoutCreate): Promise<Workout>;
  /** Lists workouts of a date range, at most `limit`. `hasMore` is true when the range contains more. */
  list(
    userId: string,
    range: { from: string; to: string; limit: number },
  ): Promise<{ items: Workout[]; hasMore: boolean }>;
  get(userId: string, id: string): Promise<Workout>;
  update(
    author: EntryAuthor,
    id: string,
    patch: WorkoutPatch,
    expected: number | null,
  ): Promise<Workout>;
  remove(userId: string, id: string, expected: number | null): Promise<void>;
  /** Workouts of a date range with their sets, in two queries. */
  between(executor: Executor, userId: string, from: string, to: string): Promise<Workout[]>;
  /** Inserts a prepared workout; returns false when its source key already exists. */
  insertPrepared(executor: Executor, userId: string, workout: NewWorkout): Promise<boolean>;
  records(userId: string, exerciseId: string): Promise<ExerciseRecords>;
  previousPerformance(
    userId: string,
    exerciseId: string,
    before: string,
  ): Promise<{
    exerciseId: string;
    workoutId: string | null;
    date: string | null;
    sets: Workout["exercises"][number]["sets"];
  }>;
}

export function createWorkoutsService(deps: {
  db: Database;
  clock: Clock;
  exercises: ExercisesService;
}): WorkoutsService {
  async function loadViews(executor: Executor, rows: WorkoutRow[]): Promise<Workout[]> {
    if (rows.length === 0) return [];
    const sets = await executor
      .select()
      .from(workoutSets)
      .where(
        inArray(
          workoutSets.workoutId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(workoutSets.exercisePosition), asc(workoutSets.setPosition));
    const byWorkout = new Map<string, WorkoutSetRow[]>();
    for (const set of sets) {
      const list = byWorkout.get(set.workoutId) ?? [];
      list.push(set);
      byWorkout.set(set.workoutId, list);
    }
    return rows.map((row) => toWorkout(row, byWorkout.get(row.id) ?? []));
  }

  async function findRow(userId: string, id: string): Promise<WorkoutRow | null> {
    const rows = await deps.db
      .select()
      .from(workouts)
      .where(and(eq(workouts.id, id), eq(workouts.userId, userId)))
      .limit(1);
    return rows[0] ?? null;
  }

  async function prepareSets(
    executor: Executor,
    exercises: WorkoutCreate["exercises"],
  ): Promise<NewWorkoutSet[][]> {
    const names = await deps.exercises.namesOf(
      executor,
      exercises.map((item) => item.exerciseId),
    );
    const unknown = exercises.findIndex((item) => !names.has(item.exerciseId));
    if (unknown >= 0) {
      throw problem("validation-failed", {
        detail: `Exercise ${exercises[unknown]!.exerciseId} is not in the catalog; search /api/v1/exercises for its id.`,
        errors: [
          { field: `exercises.${unknown}.exerciseId`, message: "is not a catalog exercise" },
        ],
      });
    }
    return exercises.map((item) =>
      item.sets.map((set) => toNewSet(item.exerciseId, names.get(item.exerciseId)!, set)),
    );
  }

  async function insertSets(
    executor: Executor,
    userId: string,
    workoutId: string,
    exercises: NewWorkoutSet[][],
  ): Promise<void> {
    const rows = exercises.flatMap((sets, exercisePosition) =>
      sets.map((set, setPosition) => ({
        ...set,
        workoutId,
        userId,
        exercisePosition,
        setPosition,
      })),
    );
    for (let start = 0; start < rows.length; start += 1_000) {
      await executor.insert(workoutSets).values(rows.slice(start, start + 1_000));
    }
  }

  return {
    async create(author, input) {
      const now = deps.clock.now();
      assertLoggableDate(input.date, author.timeZone, now);
      const startedAt = parseStartedAt(input.startedAt ?? null, author.timeZone, input.date);

      const id = await deps.db.transaction(async (tx) => {
        const sets = await prepareSets(tx, input.exercises);
        const inserted = await tx
          .insert(workouts)
          .values({
            userId: author.userId,
            date: input.date,
            startedAt,
            title: input.title ?? null,
            durationMin: input.durationMin,
            intensity: input.intensity,
            avgHeartRate: input.avgHeartRate ?? null,
            notes: input.notes ?? null,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: workouts.id });
        await insertSets(tx, author.userId, inserted[0]!.id, sets);
        return inserted[0]!.id;
      });
      return this.get(author.userId, id);
    },

    async list(userId, range) {
      assertDateRange(range.from, range.to);
      const rows = await deps.db
        .select()
        .from(workouts)
        .where(and(eq(workouts.userId, userId), between(workouts.date, range.from, range.to)))
        .orderBy(asc(workouts.date), asc(workouts.createdAt), asc(workouts.id))
        .limit(range.limit + 1);
      const items = await loadViews(deps.db, rows.slice(0, range.limit));
      return { items, hasMore: rows.length > range.limit };
    },

    async get(userId, id) {
      const row = await findRow(userId, id);
      if (!row) throw notFound(`Workout ${id}`);
      return (await loadViews(deps.db, [row]))[0]!;
    },

    async update(author, id, patch, expected) {
      const row = await findRow(author.userId, id);
      if (!row) throw notFound(`Workout ${id}`);
      if (expected !== null && row.version !== expected) throw versionConflict("Workout");
      if (patch.date !== undefined)
        assertLoggableDate(patch.date, author.timeZone, deps.clock.now());

      await deps.db.transaction(async (tx) => {
        const { exercises, startedAt, ...fields } = patch;
        const updated = await tx
          .update(workouts)
          .set({
            ...fields,
            ...(startedAt === undefined
              ? {}
              : { startedAt: parseStartedAt(startedAt, author.timeZone, patch.date ?? row.date) }),
            version: sql`${workouts.version} + 1`,
            updatedAt: deps.clock.now(),
          })
          .where(and(eq(workouts.id, id), eq(workouts.version, row.version)))
          .returning({ id: workouts.id });
        if (updated.length === 0) throw versionConflict("Workout");
        if (exercises === undefined) return;
        const sets = await prepareSets(tx, exercises);
        await tx.delete(workoutSets).where(eq(workoutSets.workoutId, id));
        await insertSets(tx, author.userId, id, sets);
      });
      return this.get(author.userId, id);
    },

    async remove(userId, id, expected) {
      const deleted = await deps.db
        .delete(workouts)
        .where(
          and(
            eq(workouts.id, id),
            eq(workouts.userId, userId),
            expected === null ? undefined : eq(workouts.version, expected),
          ),
        )
        .returning({ id: workouts.id });
      if (deleted.length > 0) return;
      if (await findRow(userId, id)) throw versionConflict("Workout");
      throw notFound(`Workout ${id}`);
    },

    async between(executor, userId, from, to) {
      const rows = await executor
        .select()
        .from(workouts)
        .where(and(eq(workouts.userId, userId), between(workouts.date, from, to)))
        .orderBy(asc(workouts.date), asc(workouts.createdAt), asc(workouts.id));
      return loadViews(executor, rows);
    },

    async insertPrepared(executor, userId, workout) {
      const { exercises, ...fields } = workout;
      const inserted = await executor
        .insert(workouts)
        .values({ ...fields, userId })
        .onConflictDoNothing()
        .returning({ id: workouts.id });
      const id = inserted[0]?.id;
      if (!id) return false;
      await insertSets(executor, userId, id, exercises);
      return true;
    },

    records: (userId, exerciseId) => queryRecords(deps.db, userId, exerciseId),

    async previousPerformance(userId, exerciseId, before) {
      const latest = await deps.db
        .select({ id: workouts.id, date: workouts.date })
        .from(workouts)
        .innerJoin(workoutSets, eq(workoutSets.workoutId, workouts.id))
        .where(
          and(
            eq(workoutSets.userId, userId),
            eq(workoutSets.exerciseId, exerciseId),
            lt(workouts.date, before),
          ),
        )
        .orderBy(desc(workouts.date), desc(workouts.createdAt))
        .limit(1);
      const found = latest[0];
      if (!found) return { exerciseId, workoutId: null, date: null, sets: [] };
      const sets = await deps.db
        .select()
        .from(workoutSets)
        .where(and(eq(workoutSets.workoutId, found.id), eq(workoutSets.exerciseId, exerciseId)))
        .orderBy(asc(workoutSets.exercisePosition), asc(workoutSets.setPosition));
      return { exerciseId, workoutId: found.id, date: found.date, sets: sets.map(toWorkoutSet) };
    },
  };
}

function toNewSet(exerciseId: string | null, name: string, set: WorkoutSetInput): NewWorkoutSet {
  const base: NewWorkoutSet = {
    exerciseId,
    exerciseName: name,
    reps: null,
    weightValue: null,
    weightUnit: null,
    weightKg: null,
    durationSec: null,
    distanceM: null,
  };
  if ("durationSec" in set) {
    return {
      ...base,
      durationSec: set.durationSec,
      distanceM: set.distanceM === undefined ? null : roundTo(set.distanceM, 2),
    };
  }
  const weight = storeWeight({
    kg: "weightKg" in set ? set.weightKg : undefined,
    lb: "weightLb" in set ? set.weightLb : undefined,
  });
  return {
    ...base,
    reps: set.reps,
    weightValue: weight?.value ?? null,
    weightUnit: weight?.unit ?? null,
    weightKg: weight?.metric ?? null,
  };
}

/** Largest UTC offset any zone uses (Pacific/Kiritimati), in minutes. */
const OFFSET_MAX_MINUTES = 14 * 60;

/**
 * Reads `startedAt`: an instant with an offset as is, a local date-time in the user's zone. The
 * start must fall on the workout's date or the day next to it, so records and the "previous"
 * view never show a workout that started in another year.
 */
export function parseStartedAt(value: string | null, timeZone: string, date: string): Date | null {
  if (value === null) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/.test(value);
  const parsed = DateTime.fromISO(value, hasOffset ? { setZone: true } : { zone: timeZone });
  if (!parsed.isValid) {
    throw problem("validation-failed", {
      detail: "startedAt must be an ISO 8601 date-time, such as 2026-03-29T07:30.",
      errors: [{ field: "startedAt", message: "is not a valid date-time" }],
    });
  }
  if (Math.abs(parsed.offset) > OFFSET_MAX_MINUTES) {
    throw problem("validation-failed", {
      detail:
        "startedAt has a UTC offset no time zone uses; offsets lie between -14:00 and +14:00.",
      errors: [{ field: "startedAt", message: "must have an offset between -14:00 and +14:00" }],
    });
  }
  const startDate = parsed.toISODate()!;
  if (startDate < addDays(date, -1) || startDate > addDays(date, 1)) {
    throw problem("validation-failed", {
      detail: `startedAt falls on ${startDate}, too far from the workout's date ${date}.`,
      errors: [
        { field: "startedAt", message: "must fall on the workout's date or the day next to it" },
      ],
    });
  }
  return parsed.toJSDate();
}

export function toWorkout(row: WorkoutRow, sets: WorkoutSetRow[]): Workout {
  const exercises: Workout["exercises"] = [];
  let position = -1;
  let volumeKg = 0;
  for (const set of sets) {
    if (set.exercisePosition !== position) {
      position = set.exercisePosition;
      exercises.push({ exerciseId: set.exerciseId, name: set.exerciseName, sets: [] });
    }
    exercises.at(-1)!.sets.push(toWorkoutSet(set));
    if (set.reps !== null && set.weightKg !== null) volumeKg += set.reps * set.weightKg;
  }
  return {
    ...entryMeta(row),
    startedAt: row.startedAt ? row.startedAt.toISOString() : null,
    title: row.title,
    durationMin: row.durationMin,
    intensity: row.intensity,
    avgHeartRate: row.avgHeartRate,
    notes: row.notes,
    load: sessionLoad(row.durationMin, row.intensity),
    volumeKg: roundTo(volumeKg, 2),
    source: row.source,
    exercises,
  };
}

interface RecordRow {
  record: string;
  value: string | number | null;
  date: string | null;
  workout_id: string | null;
}

/**
 * Personal records of one exercise in one query: each record is the best set (or session, for
 * volume) with the earliest date breaking ties, so a record belongs to the day it was first set.
 */
async function queryRecords(
  db: Database,
  userId: string,
  exerciseId: string,
): Promise<ExerciseRecords> {
  const result = await db.execute(sql`
    with s as (
      select ws.reps, ws.weight_kg, ws.duration_sec, ws.distance_m, w.date, w.id as workout_id,
             w.created_at
      from ${workoutSets} ws join ${workouts} w on w.id = ws.workout_id
      where ws.user_id = ${userId} and ws.exercise_id = ${exerciseId}
    ),
    best as (
      (select 'maxWeightKg' as record, weight_kg::float8 as value, date, workout_id from s
        where weight_kg > 0 order by weight_kg desc, date, created_at limit 1)
      union all
      (select 'maxReps', reps::float8, date, workout_id from s
        where reps > 0 order by reps desc, date, created_at limit 1)
      union all
      (select 'bestEstimatedOneRepMaxKg',
              (case when reps = 1 then weight_kg else weight_kg * (1 + reps / 30.0) end)::float8,
              date, workout_id from s
        where weight_kg > 0 and reps between 1 and 12
        order by 2 desc, date, created_at limit 1)
      union all
      (select 'maxSessionVolumeKg', sum(reps * weight_kg)::float8, min(date), workout_id from s
        where weight_kg > 0 and reps > 0 group by workout_id
        order by 2 desc, 3 limit 1)
      union all
      (select 'maxDurationSec', duration_sec::float8, date, workout_id from s
        where duration_sec > 0 order by duration_sec desc, date, created_at limit 1)
      union all
      (select 'maxDistanceM', distance_m::float8, date, workout_id from s
        where distance_m > 0 order by distance_m desc, date, created_at limit 1)
      union all
      (select 'workouts', count(distinct workout_id)::float8, null, null from s)
    )
    select record, value, date::text as date, workout_id::text as workout_id from best`);
  const rows = rowsOf<RecordRow>(result);
  const records: ExerciseRecords = {
    exerciseId,
    workouts: 0,
    maxWeightKg: null,
    maxReps: null,
    bestEstimatedOneRepMaxKg: null,
    maxSessionVolumeKg: null,
    maxDurationSec: null,
    maxDistanceM: null,
  };
  for (const row of rows) {
    if (row.record === "workouts") {
      records.workouts = Number(row.value ?? 0);
      continue;
    }
    if (row.value === null || row.date === null || row.workout_id === null) continue;
    const key = row.record as Exclude<keyof ExerciseRecords, "exerciseId" | "workouts">;
    records[key] = {
      value: roundTo(Number(row.value), 2),
      date: row.date,
      workoutId: row.workout_id,
    };
  }
  return records;
}
