import { mealSchema, savedMealPageSchema, savedMealSchema } from "@fitcoach/contract";
import type {
  Meal,
  SavedMeal,
  SavedMealLog,
  SavedMealPage,
  SavedMealPatch,
  savedMealCreateSchema,
} from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore } from "./api-client";
import type { EntryRef } from "./entries-api";
import { etagForVersion } from "./reminders-api";
import { idempotencyKeyOf } from "./write-options";
import type { WriteOptions } from "./write-options";

/** A saved meal as a form sends it: a name with a logged meal's id, or a name with items. */
export type SavedMealInput = z.input<typeof savedMealCreateSchema>;

export interface SavedMealListQuery {
  limit?: number;
  cursor?: string;
}

/** Saved meals: named templates of items that can be logged on any day in one step. */
export interface SavedMealsApi {
  listSavedMeals(query?: SavedMealListQuery, signal?: AbortSignal): Promise<SavedMealPage>;
  createSavedMeal(savedMeal: SavedMealInput, options?: WriteOptions): Promise<SavedMeal>;
  /** Changes a saved meal; `items`, when sent, replace all of its items. */
  updateSavedMeal(
    savedMeal: EntryRef,
    patch: SavedMealPatch,
    options?: WriteOptions,
  ): Promise<SavedMeal>;
  deleteSavedMeal(savedMeal: EntryRef, options?: WriteOptions): Promise<void>;
  /** Logs a copy of the saved meal on a day and returns the new meal. */
  logSavedMeal(id: string, log: SavedMealLog, options?: WriteOptions): Promise<Meal>;
}

export function createSavedMealsApi(core: ApiClientCore): SavedMealsApi {
  function savedMealPath(id: string): string {
    return `/saved-meals/${encodeURIComponent(id)}`;
  }

  return {
    listSavedMeals: (query = {}, signal) =>
      core.request({
        path: "/saved-meals",
        query: { limit: query.limit, cursor: query.cursor },
        schema: savedMealPageSchema,
        signal,
      }),
    createSavedMeal: (savedMeal, options) =>
      core.request({
        method: "POST",
        path: "/saved-meals",
        body: savedMeal,
        idempotencyKey: idempotencyKeyOf(options),
        schema: savedMealSchema,
      }),
    updateSavedMeal: (savedMeal, patch, options) =>
      core.request({
        method: "PATCH",
        path: savedMealPath(savedMeal.id),
        body: patch,
        ifMatch: etagForVersion(savedMeal.version),
        idempotencyKey: idempotencyKeyOf(options),
        schema: savedMealSchema,
      }),
    async deleteSavedMeal(savedMeal, options) {
      await core.request({
        method: "DELETE",
        path: savedMealPath(savedMeal.id),
        ifMatch: etagForVersion(savedMeal.version),
        idempotencyKey: idempotencyKeyOf(options),
      });
    },
    logSavedMeal: (id, log, options) =>
      core.request({
        method: "POST",
        path: `${savedMealPath(id)}/log`,
        body: log,
        idempotencyKey: idempotencyKeyOf(options),
        schema: mealSchema,
      }),
  };
}
