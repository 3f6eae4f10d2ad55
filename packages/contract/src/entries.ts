import { z } from "zod";

import { requireSomeField } from "./patch";
import { idSchema, localDateSchema } from "./common";
import { multiLineText, singleLineText } from "./text";

/** Limits shared by every logged entry; each kind adds its own. */
export const NOTE_MAX_LENGTH = 2_000;
export const DAY_NOTE_MAX_LENGTH = 20_000;
export const TAG_MAX_LENGTH = 40;
export const TAGS_MAX_COUNT = 20;
/** Maximum days one list or stats request may cover: a little over ten years. */
export const RANGE_MAX_DAYS = 3_700;
export const LIST_LIMIT_MAX = 500;

export const KG_PER_LB = 0.45359237;
export const CM_PER_IN = 2.54;

/** A short label such as "travel" or "sick"; control characters and commas are not allowed. */
export const tagSchema = singleLineText({ min: 1, max: TAG_MAX_LENGTH, trim: true })
  .refine((value) => !value.includes(","), { error: "must not contain commas" })
  // Zero-width spaces and soft hyphens alone would make a tag that renders as nothing.
  .refine((value) => /[^\p{Cf}\p{Z}\s]/u.test(value), {
    error: "must contain a visible character",
  });

export const tagsSchema = z
  .array(tagSchema)
  .max(TAGS_MAX_COUNT, { error: `must have at most ${TAGS_MAX_COUNT} tags` });

/** Free text written by the user, stored as written (markdown allowed, never rendered here). */
export function noteSchema(maxLength = NOTE_MAX_LENGTH): z.ZodString {
  return multiLineText({ max: maxLength });
}

/** Fields every stored entry carries in responses. */
export const entryMetaSchema = z.object({
  id: idSchema,
  date: localDateSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** `from` and `to` of a list request, both inclusive local dates. */
export const dateRangeQuerySchema = z.strictObject({
  from: localDateSchema,
  to: localDateSchema,
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_MAX),
});
export type DateRangeQuery = z.infer<typeof dateRangeQuerySchema>;

export const entryIdParamsSchema = z.strictObject({ id: idSchema });

/**
 * Returns a number schema bounded by `min` and `max`. The server keeps two decimals and rounds
 * more precise input instead of rejecting it.
 */
export function measurement(min: number, max: number): z.ZodNumber {
  return z
    .number({ error: "must be a number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
}

export const WATER_ENTRY_MIN_ML = 1;
export const WATER_ENTRY_MAX_ML = 5_000;
/** Size of a glass when a client logs water by glasses. */
export const GLASS_ML = 250;

export const waterCreateSchema = z.strictObject({
  date: localDateSchema,
  ml: z.number().int().min(WATER_ENTRY_MIN_ML).max(WATER_ENTRY_MAX_ML),
});
export const waterPatchSchema = requireSomeField(waterCreateSchema.partial());
export const waterEntrySchema = entryMetaSchema.extend({ ml: z.number().int() });
export type WaterEntry = z.infer<typeof waterEntrySchema>;
export type WaterCreate = z.infer<typeof waterCreateSchema>;

export const SLEEP_MAX_MINUTES = 24 * 60 - 1;
/** Local date-time without offset, such as 2026-03-29T07:30 or 2026-03-29T07:30:00. */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
  error: "must be a local date-time as YYYY-MM-DDTHH:MM, without offset",
});

export const sleepPhasesSchema = z.strictObject({
  deepMin: z.number().int().min(0).max(SLEEP_MAX_MINUTES).optional(),
  remMin: z.number().int().min(0).max(SLEEP_MAX_MINUTES).optional(),
  lightMin: z.number().int().min(0).max(SLEEP_MAX_MINUTES).optional(),
  awakeMin: z.number().int().min(0).max(SLEEP_MAX_MINUTES).optional(),
});

export const sleepCreateSchema = z.strictObject({
  bedtime: localDateTimeSchema,
  wakeTime: localDateTimeSchema,
  quality: z.number().int().min(1).max(5),
  phases: sleepPhasesSchema.nullable().optional(),
});
export const sleepPatchSchema = requireSomeField(sleepCreateSchema.partial());
export const sleepEntrySchema = entryMetaSchema.extend({
  bedtime: z.string(),
  wakeTime: z.string(),
  /** Time zone the local times were entered in. */
  timeZone: z.string(),
  /** Elapsed minutes between bedtime and wake time, so DST nights are an hour shorter or longer. */
  durationMin: z.number().int(),
  quality: z.number().int(),
  // Responses carry stored values without the input bounds, so an old or imported row that
  // breaks a bound still reads back instead of failing the response.
  phases: z
    .object({
      deepMin: z.number().optional(),
      remMin: z.number().optional(),
      lightMin: z.number().optional(),
      awakeMin: z.number().optional(),
    })
    .nullable(),
});
export type SleepEntry = z.infer<typeof sleepEntrySchema>;
export type SleepCreate = z.infer<typeof sleepCreateSchema>;

const scale = z.number().int().min(1).max(5);
export const moodCreateSchema = z.strictObject({
  date: localDateSchema,
  score: scale,
  energy: scale.nullable().optional(),
  stress: scale.nullable().optional(),
  tags: tagsSchema.default([]),
  note: noteSchema().default(""),
});
export const moodPatchSchema = requireSomeField(
  z
    .strictObject({
      date: localDateSchema,
      score: scale,
      energy: scale.nullable(),
      stress: scale.nullable(),
      tags: tagsSchema,
      note: noteSchema(),
    })
    .partial(),
);
export const moodEntrySchema = entryMetaSchema.extend({
  score: z.number().int(),
  energy: z.number().int().nullable(),
  stress: z.number().int().nullable(),
  tags: z.array(z.string()),
  note: z.string(),
});
export type MoodEntry = z.infer<typeof moodEntrySchema>;
export type MoodCreate = z.infer<typeof moodCreateSchema>;

export const STEPS_MAX = 200_000;
export const stepsCreateSchema = z.strictObject({
  date: localDateSchema,
  count: z.number().int().min(0).max(STEPS_MAX),
});
export const stepsPatchSchema = requireSomeField(stepsCreateSchema.partial());
export const stepsEntrySchema = entryMetaSchema.extend({ count: z.number().int() });
export type StepsEntry = z.infer<typeof stepsEntrySchema>;
export type StepsCreate = z.infer<typeof stepsCreateSchema>;
