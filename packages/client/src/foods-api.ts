import { foodPageSchema, foodSchema, mealSchema } from "@fitcoach/contract";
import type { Food, FoodPage, Meal, MealPatch, mealCreateSchema } from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore } from "./api-client";
import type { EntryRef } from "./entries-api";
import { etagForVersion } from "./reminders-api";
import { idempotencyKeyOf } from "./write-options";
import type { WriteOptions } from "./write-options";

/** A meal as a form sends it; items and note have server defaults. */
export type MealInput = z.input<typeof mealCreateSchema>;

export interface FoodSearch {
  q?: string;
  limit?: number;
  cursor?: string;
}

/**
 * The food catalog and the meals logged from it. Meal nutrients of catalog and custom foods are
 * computed by the server, so a meal's totals are read from the response, never summed here.
 */
export interface FoodsApi {
  searchFoods(search: FoodSearch, signal?: AbortSignal): Promise<FoodPage>;
  getFood(id: string, signal?: AbortSignal): Promise<Food>;
  createMeal(meal: MealInput, options?: WriteOptions): Promise<Meal>;
  /** Changes a meal; `items`, when sent, replace all of its items. */
  updateMeal(meal: EntryRef, patch: MealPatch, options?: WriteOptions): Promise<Meal>;
  deleteMeal(meal: EntryRef, options?: WriteOptions): Promise<void>;
}

export function createFoodsApi(core: ApiClientCore): FoodsApi {
  return {
    searchFoods: (search, signal) =>
      core.request({
        path: "/foods",
        query: { q: search.q, limit: search.limit, cursor: search.cursor },
        schema: foodPageSchema,
        signal,
      }),
    getFood: (id, signal) =>
      core.request({ path: `/foods/${encodeURIComponent(id)}`, schema: foodSchema, signal }),
    createMeal: (meal, options) =>
      core.request({
        method: "POST",
        path: "/meals",
        body: meal,
        idempotencyKey: idempotencyKeyOf(options),
        schema: mealSchema,
      }),
    updateMeal: (meal, patch, options) =>
      core.request({
        method: "PATCH",
        path: `/meals/${encodeURIComponent(meal.id)}`,
        body: patch,
        ifMatch: etagForVersion(meal.version),
        idempotencyKey: idempotencyKeyOf(options),
        schema: mealSchema,
      }),
    async deleteMeal(meal, options) {
      await core.request({
        method: "DELETE",
        path: `/meals/${encodeURIComponent(meal.id)}`,
        ifMatch: etagForVersion(meal.version),
        idempotencyKey: idempotencyKeyOf(options),
      });
    },
  };
}
