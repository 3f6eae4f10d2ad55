import {
  BODY_LENGTHS,
  bodyCreateSchema,
  customFoodRecordSchema,
  dayPatchSchema,
  EXERCISE_NAME_MAX_LENGTH,
  goalsPutSchema,
  mealRecordSchema,
  moodCreateSchema,
  savedMealRecordSchema,
  singleLineText,
  SLEEP_MAX_MINUTES,
  sleepCreateSchema,
  stepsCreateSchema,
  timeZoneSchema,
  waterCreateSchema,
  workoutCreateSchema,
  workoutSetFieldSchemas,
} from "@fitcoach/contract";
import type { FieldError } from "@fitcoach/contract";
import { z } from "zod";

import type { NewWorkout } from "../workouts/workouts.service";

/** Earliest date an entry may carry, the same bound the entry routes apply. */
export const EARLIEST_IMPORTED_DATE = "1900-01-01";
/** Problems listed in one rejection; the rest of a broken file adds nothing a user can act on. */
export const IMPORT_ERRORS_MAX = 20;

/**
 * Builds the row schema of every section of a fitcoach-json document. Each bound comes from the
 * contract schema of the matching API request, so an imported row can never hold a value the API
 * would reject. Rows are in the export's column shape, so the fields are mapped by name here.
 * Unknown fields and column types are checked afterwards by the section itself. Schemas that
 * refine over other columns are loose, because a plain object drops the keys it does not list.
 */
function sectionSchemas(latestDate: string): Record<string, z.ZodType> {
  const date = z
    .string()
    .refine((value) => value >= EARLIEST_IMPORTED_DATE && value <= latestDate, {
      error: `must be between ${EARLIEST_IMPORTED_DATE} and ${latestDate}`,
    });
  const body = bodyCreateSchema.shape;
  const sleep = sleepCreateSchema.shape;
  const mood = moodCreateSchema.shape;
  const workout = workoutCreateSchema.shape;
  const set = workoutSetFieldSchemas;
  const loose = { date };

  return {
    goals: z
      .object(goalsPutSchema.shape)
      .omit({ targetWeightLb: true })
      .loose()
      .superRefine(checkEnteredValues(["targetWeight"], goalsPutSchema.shape)),
    days: z.object({ ...loose, tags: dayPatchSchema.shape.tags, note: dayPatchSchema.shape.note }),
    water: z.object({ ...loose, ml: waterCreateSchema.shape.ml }),
    sleep: z.object({
      ...loose,
      bedtimeLocal: sleep.bedtime,
      wakeLocal: sleep.wakeTime,
      quality: sleep.quality,
      phases: sleep.phases,
      durationMin: z.number().int().min(0).max(SLEEP_MAX_MINUTES),
      timeZone: timeZoneSchema,
    }),
    mood: z.object({
      ...loose,
      score: mood.score,
      energy: mood.energy,
      stress: mood.stress,
      tags: mood.tags,
      note: mood.note,
    }),
    body: z
      .object({
        ...loose,
        weightKg: body.weightKg,
        waistCm: body.waistCm,
        hipsCm: body.hipsCm,
        chestCm: body.chestCm,
        neckCm: body.neckCm,
        bodyFatPercent: body.bodyFatPercent,
      })
      .loose()
      .superRefine(checkEnteredValues(["weight", ...BODY_LENGTHS], body)),
    steps: z.object({ ...loose, count: stepsCreateSchema.shape.count }),
    workouts: z.object({
      ...loose,
      title: workout.title,
      durationMin: workout.durationMin,
      intensity: workout.intensity,
      avgHeartRate: workout.avgHeartRate,
      notes: workout.notes,
      sets: z.array(
        z
          .object({
            exerciseName: singleLineText({ min: 1, max: EXERCISE_NAME_MAX_LENGTH }),
            reps: set.reps.nullable().optional(),
            weightKg: set.weightKg.nullable().optional(),
            durationSec: set.durationSec.nullable().optional(),
            distanceM: set.distanceM.nullable().optional(),
          })
          .loose()
          .superRefine(checkEnteredValues(["weight"], set)),
      ),
    }),
    customFoods: customFoodRecordSchema,
    meals: mealRecordSchema.extend({ date }),
    savedMeals: savedMealRecordSchema,
  };
}

/**
 * Returns a refinement that checks each `<name>Value` (a measurement as the user entered it)
 * against the API bound for the unit in `<name>Unit`: weightValue with unit "lb" against the
 * `weightLb` schema in `bounds`, for example.
 */
function checkEnteredValues(
  names: readonly string[],
  bounds: Record<string, z.ZodType>,
): (row: Record<string, unknown>, context: z.RefinementCtx) => void {
  return (row, context) => {
    for (const name of names) {
      const value = row[`${name}Value`];
      const unit = row[`${name}Unit`];
      if (unit === null || unit === undefined) {
        if (value !== null && value !== undefined) {
          context.addIssue({ code: "custom", path: [`${name}Unit`], message: "is missing" });
        }
        continue;
      }

      const bound = typeof unit === "string" ? bounds[`${name}${capitalise(unit)}`] : undefined;
      if (!bound) {
        context.addIssue({
          code: "custom",
          path: [`${name}Unit`],
          message: "must be a known unit",
        });
        continue;
      }
      if (value === null || value === undefined) continue;
      for (const issue of bound.safeParse(value).error?.issues ?? []) {
        context.addIssue({ code: "custom", path: [`${name}Value`], message: issue.message });
      }
    }
  };
}

function capitalise(word: string): string {
  return `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
}

/**
 * Checks every row of a fitcoach-json document against the API's bounds. Returns the first
 * problems (at most IMPORT_ERRORS_MAX), each naming the row and field, or an empty list.
 */
export function checkDocumentRows(
  sections: Record<string, unknown[]>,
  latestDate: string,
): FieldError[] {
  const schemas = sectionSchemas(latestDate);
  const errors: FieldError[] = [];
  for (const [name, rows] of Object.entries(sections)) {
    const schema = schemas[name];
    if (!schema) continue;
    for (const [index, row] of rows.entries()) {
      collectIssues(schema, row, `sections.${name}[${index}]`, errors);
      if (errors.length >= IMPORT_ERRORS_MAX) return errors.slice(0, IMPORT_ERRORS_MAX);
    }
  }
  return errors;
}

/**
 * Checks workouts read from a Strong or Hevy file against the bounds of the workout routes.
 * Returns the first problems, each naming the workout by position, date and field.
 */
export function checkImportedWorkouts(workouts: NewWorkout[], latestDate: string): FieldError[] {
  const schema = sectionSchemas(latestDate).workouts!;
  const errors: FieldError[] = [];
  for (const [index, workout] of workouts.entries()) {
    const sets = workout.exercises.flat();
    const row = { ...workout, sets };
    collectIssues(schema, row, `workouts[${index}] (${workout.date})`, errors);
    if (errors.length >= IMPORT_ERRORS_MAX) return errors.slice(0, IMPORT_ERRORS_MAX);
  }
  return errors;
}

function collectIssues(schema: z.ZodType, row: unknown, where: string, errors: FieldError[]): void {
  const result = schema.safeParse(row);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const path = issue.path.map((part) =>
      typeof part === "number" ? `[${part}]` : `.${String(part)}`,
    );
    errors.push({ field: `${where}${path.join("")}`, message: issue.message });
  }
}
