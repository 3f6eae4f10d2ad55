import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { StatMetric, StatPeriod, Stats, StreakCondition } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import { rowsOf } from "../../platform/database";
import type { Database } from "../../platform/database";
import { addDays, todayIn } from "../../platform/local-date";
import { roundTo } from "../../platform/units";
import { users } from "../accounts/accounts.tables";
import { bodyEntries } from "../body/body.tables";
import { assertDateRange } from "../entries/date-range";
import { goals } from "../goals/goals.tables";
import { moodEntries } from "../mood/mood.tables";
import type { NutritionSource } from "../nutrition-source/nutrition-source";
import { sleepEntries } from "../sleep/sleep.tables";
import { stepEntries } from "../steps/steps.tables";
import { waterEntries } from "../water/water.tables";
import { workouts, workoutSets } from "../workouts/workouts.tables";

export interface StatsService {
  stats(
    author: { userId: string; timeZone: string },
    metric: StatMetric,
    query: { period: StatPeriod; from?: string; to?: string },
  ): Promise<Stats>;
}

/** Days shown when the request gives no `from`: about a month, a quarter or a year. */
const DEFAULT_SPAN_DAYS: Record<StatPeriod, number> = { day: 30, week: 84, month: 365 };

interface UserTargets {
  weekStartsOn: "monday" | "sunday";
  waterMl: number;
  kcal: number | null;
  sleepMin: number | null;
  steps: number | null;
}

interface StreakRule {
  /** SQL condition on `value` that makes a day count. */
  condition: SQL;
  rule: string;
  code: StreakCondition;
  target: number | null;
}

interface MetricDefinition {
  unit: string;
  /** `select date, value` per day with data, for one user up to a date. */
  daily(userId: string, to: string): SQL | "nutrition";
  streak(targets: UserTargets): StreakRule;
}

const logged: StreakRule = {
  condition: sql`value is not null`,
  rule: "a day with an entry",
  code: "entry",
  target: null,
};

function positive(rule: string): StreakRule {
  return { condition: sql`value > 0`, rule, code: "positive", target: null };
}

function perDay(table: SQL, valueExpression: SQL, userId: string, to: string, extra?: SQL): SQL {
  return sql`select date, ${valueExpression} as value from ${table}
    where user_id = ${userId} and date <= ${to} ${extra ? sql`and ${extra}` : sql``}
    group by date`;
}

const METRICS: Record<StatMetric, MetricDefinition> = {
  weight: {
    unit: "kg",
    daily: (userId, to) =>
      perDay(
        sql`${bodyEntries}`,
        sql`avg(weight_kg::float8)`,
        userId,
        to,
        sql`weight_kg is not null`,
      ),
    streak: () => logged,
  },
  water: {
    unit: "ml",
    daily: (userId, to) => perDay(sql`${waterEntries}`, sql`sum(ml)::float8`, userId, to),
    streak: (targets) => ({
      condition: sql`value >= ${targets.waterMl}`,
      rule: `water at or above the goal of ${targets.waterMl} ml`,
      code: "at-least-target",
      target: targets.waterMl,
    }),
  },
  sleep: {
    unit: "min",
    daily: (userId, to) => perDay(sql`${sleepEntries}`, sql`sum(duration_min)::float8`, userId, to),
    streak: (targets) =>
      targets.sleepMin === null
        ? logged
        : {
            condition: sql`value >= ${targets.sleepMin}`,
            rule: `sleep of at least the goal of ${targets.sleepMin} minutes`,
            code: "at-least-target",
            target: targets.sleepMin,
          },
  },
  mood: {
    unit: "score",
    daily: (userId, to) => perDay(sql`${moodEntries}`, sql`avg(score)::float8`, userId, to),
    streak: () => logged,
  },
  steps: {
    unit: "steps",
    daily: (userId, to) => perDay(sql`${stepEntries}`, sql`sum(count)::float8`, userId, to),
    streak: (targets) =>
      targets.steps === null
        ? positive("a day with steps")
        : {
            condition: sql`value >= ${targets.steps}`,
            rule: `steps at or above the goal of ${targets.steps}`,
            code: "at-least-target",
            target: targets.steps,
          },
  },
  effort: {
    unit: "score",
    daily: (userId, to) =>
      perDay(
        sql`${workouts}`,
        sql`least(100, round(sum(duration_min * intensity * 2) / 6.0))::float8`,
        userId,
        to,
      ),
    streak: () => positive("a day with a workout"),
  },
  workouts: {
    unit: "workouts",
    daily: (userId, to) => perDay(sql`${workouts}`, sql`count(*)::float8`, userId, to),
    streak: () => positive("a day with a workout"),
  },
  "training-volume": {
    unit: "kg",
    daily: (userId, to) => sql`select w.date, sum(s.reps * s.weight_kg)::float8 as value
      from ${workoutSets} s join ${workouts} w on w.id = s.workout_id
      where s.user_id = ${userId} and w.date <= ${to} and s.reps > 0 and s.weight_kg > 0
      group by w.date`,
    streak: () => positive("a day with lifted volume"),
  },
  kcal: nutritionMetric("kcal"),
  protein: nutritionMetric("g"),
  carbs: nutritionMetric("g"),
  fat: nutritionMetric("g"),
};

function nutritionMetric(unit: string): MetricDefinition {
  return {
    unit,
    daily: () => "nutrition",
    streak: (targets) =>
      unit === "kcal" && targets.kcal !== null
        ? {
            condition: sql`abs(value - ${targets.kcal}) <= ${targets.kcal * 0.1}`,
            rule: `energy within 10 % of the goal of ${targets.kcal} kcal`,
            code: "near-target",
            target: targets.kcal,
          }
        : { ...logged, rule: "a day with meals logged" },
  };
}

function bucketStart(period: StatPeriod, weekStartsOn: "monday" | "sunday"): SQL {
  if (period === "day") return sql`date`;
  if (period === "month") return sql`date_trunc('month', date::timestamp)::date`;
  // ISO weeks start on Monday; a Sunday start moves every date back to the previous Sunday.
  if (weekStartsOn === "sunday") return sql`(date - extract(dow from date)::int)`;
  return sql`date_trunc('week', date::timestamp)::date`;
}

function bucketEnd(period: StatPeriod): SQL {
  if (period === "day") return sql`start`;
  if (period === "month") return sql`(start + interval '1 month' - interval '1 day')::date`;
  return sql`start + 6`;
}

export function createStatsService(deps: {
  db: Database;
  clock: Clock;
  nutrition: NutritionSource;
}): StatsService {
  async function readTargets(userId: string): Promise<UserTargets> {
    const result = await deps.db.execute(sql`
      select u.week_starts_on, coalesce(g.water_ml, u.water_goal_ml) as water_ml, g.kcal,
             g.sleep_min, g.steps
      from ${users} u left join ${goals} g on g.user_id = u.id where u.id = ${userId}`);
    const row = rowsOf<Record<string, unknown>>(result)[0] ?? {};
    const numberOrNull = (value: unknown): number | null =>
      value === null || value === undefined ? null : Number(value);
    return {
      weekStartsOn: row.week_starts_on === "sunday" ? "sunday" : "monday",
      waterMl: Number(row.water_ml ?? 2500),
      kcal: numberOrNull(row.kcal),
      sleepMin: numberOrNull(row.sleep_min),
      steps: numberOrNull(row.steps),
    };
  }

  async function dailySource(metric: StatMetric, userId: string, to: string): Promise<SQL> {
    const source = METRICS[metric].daily(userId, to);
    if (source !== "nutrition") return source;

    const totals = await deps.nutrition.dailyTotals(userId, "1900-01-01", to);
    const key = metric as "kcal" | "protein" | "carbs" | "fat";
    // The day totals travel as one JSON parameter, so the query has the same shape for any count.
    const days = JSON.stringify(totals.map((day) => ({ date: day.date, value: day[key] })));
    return sql`select (item->>'date')::date as date, (item->>'value')::float8 as value
      from json_array_elements(${days}::json) as item`;
  }

  return {
    async stats(author, metric, query) {
      const to = query.to ?? todayIn(author.timeZone, deps.clock.now());
      const from = query.from ?? addDays(to, -(DEFAULT_SPAN_DAYS[query.period] - 1));
      assertDateRange(from, to);
      const targets = await readTargets(author.userId);
      const definition = METRICS[metric];
      const streak = definition.streak(targets);
      const daily = await dailySource(metric, author.userId, to);

      const result = await deps.db.execute(sql`
        with daily as (${daily}),
        series as (
          select d::date as date, daily.value
          from generate_series(${addDays(from, -6)}::date, ${to}::date, interval '1 day') d
          left join daily on daily.date = d::date
        ),
        averaged as (
          select date, value,
            avg(value) over (order by date rows between 6 preceding and current row) as average
          from series
        ),
        in_range as (select * from averaged where date >= ${from}::date),
        buckets as (
          select ${bucketStart(query.period, targets.weekStartsOn)} as start,
            avg(value) as value, sum(value) as total, count(value)::int as days
          from in_range group by 1
        ),
        qualifying as (select date from daily where ${streak.condition}),
        runs as (
          select min(date) as first, max(date) as last, count(*)::int as length
          from (select date, date - (row_number() over (order by date))::int as island
                from qualifying) numbered
          group by island
        )
        select
          (select coalesce(json_agg(json_build_object('start', start, 'end', ${bucketEnd(query.period)},
             'value', value, 'total', total, 'days', days) order by start), '[]'::json)
           from buckets) as points,
          (select coalesce(json_agg(json_build_object('date', date, 'value', average) order by date),
             '[]'::json) from in_range) as averages,
          (select row_to_json(r) from (select * from runs order by length desc, last desc limit 1) r)
            as longest,
          (select row_to_json(r) from (select * from runs
             where last >= ${addDays(to, -1)}::date order by last desc limit 1) r) as current`);
      const row = rowsOf<Record<string, unknown>>(result)[0]!;
      const parse = <T>(value: unknown): T =>
        (typeof value === "string" ? JSON.parse(value) : value) as T;
      const points = parse<
        { start: string; end: string; value: number | null; total: number | null; days: number }[]
      >(row.points);
      const averages = parse<{ date: string; value: number | null }[]>(row.averages);
      const longest = parse<{ first: string; last: string; length: number } | null>(row.longest);
      const current = parse<{ first: string; last: string; length: number } | null>(row.current);
      const round = (value: number | null): number | null =>
        value === null ? null : roundTo(value, 2);

      return {
        metric,
        unit: definition.unit,
        period: query.period,
        from,
        to,
        weekStartsOn: targets.weekStartsOn,
        points: points.map((point) => ({
          start: point.start,
          end: point.end,
          value: round(point.value),
          total: round(point.total),
          days: point.days,
        })),
        movingAverage7: averages.map((item) => ({ date: item.date, value: round(item.value) })),
        streaks: {
          rule: streak.rule,
          condition: streak.code,
          target: streak.target,
          current: current?.length ?? 0,
          longest: longest?.length ?? 0,
          longestStart: longest?.first ?? null,
          longestEnd: longest?.last ?? null,
        },
      };
    },
  };
}
