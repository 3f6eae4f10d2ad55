import { exercisePageSchema, workoutSchema } from "@fitcoach/contract";
import type { Workout, WorkoutPatch, workoutCreateSchema } from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore } from "./api-client";
import type { EntryRef } from "./entries-api";
import { etagForVersion } from "./reminders-api";
import { idempotencyKeyOf } from "./write-options";
import type { WriteOptions } from "./write-options";

export type ExercisePage = z.infer<typeof exercisePageSchema>;
export type ExerciseSummary = ExercisePage["items"][number];
/** A workout as a form sends it; optional fields and the exercise list may be left out. */
export type WorkoutInput = z.input<typeof workoutCreateSchema>;

export interface ExerciseSearch {
  q?: string;
  muscle?: string;
  equipment?: string;
  limit?: number;
  cursor?: string;
}

/** The exercise catalog and logged workouts. Edits send the workout's version as If-Match. */
export interface WorkoutsApi {
  searchExercises(search: ExerciseSearch, signal?: AbortSignal): Promise<ExercisePage>;
  createWorkout(workout: WorkoutInput, options?: WriteOptions): Promise<Workout>;
  /** Changes a workout; `exercises`, when sent, replace all of its sets. */
  updateWorkout(workout: EntryRef, patch: WorkoutPatch, options?: WriteOptions): Promise<Workout>;
  deleteWorkout(workout: EntryRef, options?: WriteOptions): Promise<void>;
}

export function createWorkoutsApi(core: ApiClientCore): WorkoutsApi {
  return {
    searchExercises: (search, signal) =>
      core.request({
        path: "/exercises",
        query: { ...search },
        schema: exercisePageSchema,
        signal,
      }),
    createWorkout: (workout, options) =>
      core.request({
        method: "POST",
        path: "/workouts",
        body: workout,
        idempotencyKey: idempotencyKeyOf(options),
        schema: workoutSchema,
      }),
    updateWorkout: (workout, patch, options) =>
      core.request({
        method: "PATCH",
        path: `/workouts/${encodeURIComponent(workout.id)}`,
        body: patch,
        ifMatch: etagForVersion(workout.version),
        idempotencyKey: idempotencyKeyOf(options),
        schema: workoutSchema,
      }),
    async deleteWorkout(workout, options) {
      await core.request({
        method: "DELETE",
        path: `/workouts/${encodeURIComponent(workout.id)}`,
        ifMatch: etagForVersion(workout.version),
        idempotencyKey: idempotencyKeyOf(options),
      });
    },
  };
}
