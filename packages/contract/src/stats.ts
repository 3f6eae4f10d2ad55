import { z } from "zod";

import { localDateSchema } from "./common";

export const STAT_METRICS = [
  "weight",
  "kcal",
  "protein",
  "carbs",
  "fat",
  "water",
  "sleep",
  "mood",
  "effort",
  "training-volume",
  "workouts",
  "steps",
] as const;
export type StatMetric = (typeof STAT_METRICS)[number];

/**
 * Condition a day must meet to count towards a streak: any entry, a value above zero, a value at
 * or above the target, or a value within 10 % of the target.
 */
export const STREAK_CONDITIONS = ["entry", "positive", "at-least-target", "near-target"] as const;
export type StreakCondition = (typeof STREAK_CONDITIONS)[number];

export const STAT_PERIODS = ["day", "week", "month"] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

export const statsParamsSchema = z.strictObject({ metric: z.enum(STAT_METRICS) });
export const statsQuerySchema = z.strictObject({
  period: z.enum(STAT_PERIODS).default("day"),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
/** Query of GET /stats/:metric as a client sends it; `period` defaults to "day". */
export type StatsQuery = z.input<typeof statsQuerySchema>;

export const statPointSchema = z.object({
  /** First and last local date of the bucket (a day, a week or a calendar month). */
  start: localDateSchema,
  end: localDateSchema,
  /** Mean over the days with data; null when the bucket has none. */
  value: z.number().nullable(),
  /** Sum over the days with data. */
  total: z.number().nullable(),
  /** Days in the bucket with data. */
  days: z.number().int(),
});

export const statsSchema = z.object({
  metric: z.enum(STAT_METRICS),
  unit: z.string(),
  period: z.enum(STAT_PERIODS),
  from: localDateSchema,
  to: localDateSchema,
  weekStartsOn: z.enum(["monday", "sunday"]),
  points: z.array(statPointSchema),
  /** Mean of the days with data among each day and the six before it, for every day in range. */
  movingAverage7: z.array(z.object({ date: localDateSchema, value: z.number().nullable() })),
  streaks: z.object({
    /** Condition a day must meet to count, such as "water at or above the goal". */
    rule: z.string(),
    /** The same condition as a code, so clients can word it in the reader's language. */
    condition: z.enum(STREAK_CONDITIONS),
    /** Goal the condition compares with, in `unit`, or null for "entry" and "positive". */
    target: z.number().nullable(),
    /** Days in a row up to `to` (or the day before, while `to` has no entry yet). */
    current: z.number().int(),
    longest: z.number().int(),
    longestStart: localDateSchema.nullable(),
    longestEnd: localDateSchema.nullable(),
  }),
});
export type Stats = z.infer<typeof statsSchema>;
export type StatPoint = z.infer<typeof statPointSchema>;
