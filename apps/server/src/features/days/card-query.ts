import { sql } from "drizzle-orm";

import { rowsOf } from "../../platform/database";
import type { Executor } from "../../platform/database";
import { users } from "../accounts/accounts.tables";
import { bodyEntries } from "../body/body.tables";
import { goals } from "../goals/goals.tables";
import { moodEntries } from "../mood/mood.tables";
import { sleepEntries } from "../sleep/sleep.tables";
import { stepEntries } from "../steps/steps.tables";
import { waterEntries } from "../water/water.tables";
import { workouts, workoutSets } from "../workouts/workouts.tables";
import { dayNotes } from "./days.tables";

/** Raw rows of one day as JSON, keyed by table; snake_case keys as PostgreSQL writes them. */
export interface CardRows {
  water: Record<string, unknown>[];
  sleep: Record<string, unknown>[];
  mood: Record<string, unknown>[];
  body: Record<string, unknown>[];
  steps: Record<string, unknown>[];
  workouts: { workout: Record<string, unknown>; sets: Record<string, unknown>[] }[];
  note: Record<string, unknown> | null;
  goals: Record<string, unknown> | null;
  waterGoalMl: number;
  latestWeightKg: number | null;
  weekWorkouts: number;
}

function entriesOf(table: unknown, userId: string, date: string): ReturnType<typeof sql> {
  return sql`(select coalesce(json_agg(t order by t.created_at, t.id), '[]'::json)
    from ${table} t where t.user_id = ${userId} and t.date = ${date})`;
}

/**
 * Reads everything the card shows in one round trip: each part is a subquery that uses the
 * (user_id, date) index of its table, and the sets of the day's workouts come nested in them.
 */
export async function readCardRows(
  executor: Executor,
  userId: string,
  date: string,
): Promise<CardRows> {
  const result = await executor.execute(sql`
    with profile as (
      select water_goal_ml,
        case when week_starts_on = 'sunday'
          then ${date}::date - extract(dow from ${date}::date)::int
          else date_trunc('week', ${date}::date::timestamp)::date end as week_start
      from ${users} where id = ${userId}
    )
    select
      ${entriesOf(waterEntries, userId, date)} as water,
      ${entriesOf(sleepEntries, userId, date)} as sleep,
      ${entriesOf(moodEntries, userId, date)} as mood,
      ${entriesOf(bodyEntries, userId, date)} as body,
      ${entriesOf(stepEntries, userId, date)} as steps,
      (select coalesce(json_agg(json_build_object('workout', row_to_json(w), 'sets',
          (select coalesce(json_agg(s order by s.exercise_position, s.set_position), '[]'::json)
           from ${workoutSets} s where s.workout_id = w.id))
        order by w.created_at, w.id), '[]'::json)
       from ${workouts} w where w.user_id = ${userId} and w.date = ${date}) as workouts,
      (select row_to_json(n) from ${dayNotes} n where n.user_id = ${userId} and n.date = ${date}) as note,
      (select row_to_json(g) from ${goals} g where g.user_id = ${userId}) as goals,
      profile.water_goal_ml,
      (select b.weight_kg::float8 from ${bodyEntries} b
        where b.user_id = ${userId} and b.date <= ${date} and b.weight_kg is not null
        order by b.date desc, b.created_at desc limit 1) as latest_weight_kg,
      (select count(*)::int from ${workouts} w
        where w.user_id = ${userId} and w.date between profile.week_start and profile.week_start + 6)
        as week_workouts
    from profile`);
  const row = rowsOf<Record<string, unknown>>(result)[0];
  if (!row) throw new Error("profile row missing for an authenticated user");
  const parse = <T>(value: unknown): T =>
    (typeof value === "string" ? JSON.parse(value) : value) as T;
  return {
    water: parse(row.water),
    sleep: parse(row.sleep),
    mood: parse(row.mood),
    body: parse(row.body),
    steps: parse(row.steps),
    workouts: parse(row.workouts),
    note: parse(row.note ?? null),
    goals: parse(row.goals ?? null),
    waterGoalMl: Number(row.water_goal_ml),
    latestWeightKg: row.latest_weight_kg === null ? null : Number(row.latest_weight_kg),
    weekWorkouts: Number(row.week_workouts),
  };
}

const TIMESTAMP_KEYS = new Set(["createdAt", "updatedAt", "startedAt", "bedtimeAt", "wakeAt"]);

// Column names are few and repeat on every card, so each is converted once.
const camelCaseNames = new Map<string, string>();

function camelCase(column: string): string {
  let name = camelCaseNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    camelCaseNames.set(column, name);
  }
  return name;
}

/** Turns a JSON row of PostgreSQL into the shape Drizzle returns: camelCase keys, Date values. */
export function fromJsonRow<T>(row: Record<string, unknown>): T {
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = camelCase(key);
    converted[name] =
      TIMESTAMP_KEYS.has(name) && typeof value === "string" ? new Date(value) : value;
  }
  return converted as T;
}
