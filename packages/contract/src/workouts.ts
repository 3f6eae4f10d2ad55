import { z } from "zod";

import { requireSomeField } from "./patch";
import { localDateSchema } from "./common";
import { entryMetaSchema, KG_PER_LB, measurement, noteSchema } from "./entries";
import { singleLineText } from "./text";

export const EXERCISE_ID_MAX_LENGTH = 100;
export const EXERCISE_NAME_MAX_LENGTH = 120;
export const EXERCISE_SEARCH_MAX_LENGTH = 100;
export const WORKOUT_MAX_EXERCISES = 50;
export const WORKOUT_MAX_SETS_PER_EXERCISE = 50;
export const WORKOUT_MAX_MINUTES = 24 * 60;
export const SET_MAX_REPS = 1_000;
export const SET_MAX_WEIGHT_KG = 1_000;
export const SET_MAX_DURATION_SEC = 24 * 3_600;
export const SET_MAX_DISTANCE_M = 1_000_000;
export const HEART_RATE_MIN = 25;
export const HEART_RATE_MAX = 250;

/** Catalog exercise ids are the free-exercise-db slugs, such as "Barbell_Squat". */
export const exerciseIdSchema = z
  .string()
  .min(1)
  .max(EXERCISE_ID_MAX_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, { error: "must be an exercise id from the catalog" });

export const exerciseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  level: z.string(),
  force: z.string().nullable(),
  mechanic: z.string().nullable(),
  equipment: z.string().nullable(),
  primaryMuscles: z.array(z.string()),
  secondaryMuscles: z.array(z.string()),
});
export const exerciseSchema = exerciseSummarySchema.extend({ instructions: z.array(z.string()) });
export type Exercise = z.infer<typeof exerciseSchema>;

export const exerciseSearchQuerySchema = z.strictObject({
  q: singleLineText({ max: EXERCISE_SEARCH_MAX_LENGTH, trim: true }).optional(),
  muscle: singleLineText({ max: 40, trim: true }).optional(),
  equipment: singleLineText({ max: 40, trim: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});
export const exercisePageSchema = z.object({
  items: z.array(exerciseSummarySchema),
  nextCursor: z.string().nullable(),
});

const reps = z.number().int().min(0).max(SET_MAX_REPS);
const weightKg = measurement(0, SET_MAX_WEIGHT_KG);
const weightLb = measurement(0, Math.floor(SET_MAX_WEIGHT_KG / KG_PER_LB));
const durationSec = z.number().int().min(1).max(SET_MAX_DURATION_SEC);
const distanceM = measurement(0, SET_MAX_DISTANCE_M);

/** Bounds of each value a set can carry, for checks of stored or imported sets. */
export const workoutSetFieldSchemas = { reps, weightKg, weightLb, durationSec, distanceM };

/** One set: reps with a load in kg or lb, or a duration with an optional distance. */
export const workoutSetInputSchema = z.union([
  z.strictObject({ reps, weightKg }),
  z.strictObject({ reps, weightLb }),
  z.strictObject({ reps }),
  z.strictObject({
    durationSec,
    distanceM: distanceM.optional(),
  }),
]);
export type WorkoutSetInput = z.infer<typeof workoutSetInputSchema>;

export const workoutExerciseInputSchema = z.strictObject({
  exerciseId: exerciseIdSchema,
  sets: z.array(workoutSetInputSchema).min(1).max(WORKOUT_MAX_SETS_PER_EXERCISE),
});

const workoutFields = {
  date: localDateSchema,
  /** Local date-time without offset, or an instant with offset. */
  startedAt: z.string().max(40).nullable(),
  title: singleLineText({ max: EXERCISE_NAME_MAX_LENGTH, trim: true }).nullable(),
  durationMin: z.number().int().min(1).max(WORKOUT_MAX_MINUTES),
  intensity: z.number().int().min(1).max(5),
  avgHeartRate: z.number().int().min(HEART_RATE_MIN).max(HEART_RATE_MAX).nullable(),
  notes: noteSchema().nullable(),
  exercises: z.array(workoutExerciseInputSchema).max(WORKOUT_MAX_EXERCISES),
};

export const workoutCreateSchema = z.strictObject({
  ...workoutFields,
  startedAt: workoutFields.startedAt.optional(),
  title: workoutFields.title.optional(),
  avgHeartRate: workoutFields.avgHeartRate.optional(),
  notes: workoutFields.notes.optional(),
  exercises: workoutFields.exercises.default([]),
});
export const workoutPatchSchema = requireSomeField(z.strictObject(workoutFields).partial());
export type WorkoutCreate = z.infer<typeof workoutCreateSchema>;
export type WorkoutPatch = z.infer<typeof workoutPatchSchema>;

export const workoutSetSchema = z.object({
  reps: z.number().int().nullable(),
  weightKg: z.number().nullable(),
  weightLb: z.number().nullable(),
  /** Unit the load was entered in; that field reads back exactly as entered. */
  weightUnit: z.enum(["kg", "lb"]).nullable(),
  durationSec: z.number().int().nullable(),
  distanceM: z.number().nullable(),
  /** Estimated one-rep max (Epley) of this set, in kg, for sets of 1 to 12 reps with a load. */
  estimatedOneRepMaxKg: z.number().nullable(),
});
export type WorkoutSet = z.infer<typeof workoutSetSchema>;

export const workoutExerciseSchema = z.object({
  exerciseId: z.string().nullable(),
  name: z.string(),
  sets: z.array(workoutSetSchema),
});

export const workoutSchema = entryMetaSchema.extend({
  startedAt: z.string().nullable(),
  title: z.string().nullable(),
  durationMin: z.number().int(),
  intensity: z.number().int(),
  avgHeartRate: z.number().int().nullable(),
  notes: z.string().nullable(),
  /** Session load: minutes × intensity × 2, an RPE-style training load. */
  load: z.number().int(),
  /** Sum of reps × kg over the sets with a load. */
  volumeKg: z.number(),
  source: z.enum(["manual", "fitcoach-json", "strong-csv", "hevy-csv"]),
  exercises: z.array(workoutExerciseSchema),
});
export type Workout = z.infer<typeof workoutSchema>;

export const exerciseRecordSchema = z.object({
  value: z.number(),
  date: localDateSchema,
  workoutId: z.string(),
});

/** Personal records of one exercise over all of the user's workouts; null when nothing counts. */
export const exerciseRecordsSchema = z.object({
  exerciseId: z.string(),
  workouts: z.number().int(),
  maxWeightKg: exerciseRecordSchema.nullable(),
  maxReps: exerciseRecordSchema.nullable(),
  bestEstimatedOneRepMaxKg: exerciseRecordSchema.nullable(),
  maxSessionVolumeKg: exerciseRecordSchema.nullable(),
  maxDurationSec: exerciseRecordSchema.nullable(),
  maxDistanceM: exerciseRecordSchema.nullable(),
});
export type ExerciseRecords = z.infer<typeof exerciseRecordsSchema>;

/** The sets of an exercise in the latest workout before a date, to show "last time". */
export const previousPerformanceSchema = z.object({
  exerciseId: z.string(),
  workoutId: z.string().nullable(),
  date: localDateSchema.nullable(),
  sets: z.array(workoutSetSchema),
});
export const previousPerformanceQuerySchema = z.strictObject({
  before: localDateSchema.optional(),
});
