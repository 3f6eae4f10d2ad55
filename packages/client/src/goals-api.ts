import { dayCardSchema, goalsSchema, goalSuggestionSchema } from "@fitcoach/contract";
import type { DayCard, GoalSuggestion, Goals, GoalsPut } from "@fitcoach/contract";

import type { ApiClientCore } from "./api-client";
import { createIdempotencyKey } from "./idempotency";
import { etagForVersion } from "./reminders-api";

/** How far one target is met on a day, in the API's units (kg, ml, minutes, grams, kcal). */
export type GoalProgress = DayCard["goals"][number];

export interface GoalsUpdateOptions {
  /** Key of this write; pass the same one when retrying it so the server applies it once. */
  idempotencyKey?: string;
}

/**
 * The user's targets. Updates send the version the user saw as If-Match, so a change made on
 * another device in the meantime gets 412 instead of being overwritten.
 */
export interface GoalsApi {
  get(): Promise<Goals>;
  /** Sets the targets in `patch`; a null clears one, and a field left out stays as it is. */
  update(version: number, patch: GoalsPut, options?: GoalsUpdateOptions): Promise<Goals>;
  /** Energy and macro targets computed from the profile; 422 while the profile lacks data. */
  suggestion(): Promise<GoalSuggestion>;
  /**
   * Reads progress on `date` (YYYY-MM-DD) from that day's card: one item per set target, with
   * the latest weight and the workouts of the date's week.
   */
  progress(date: string): Promise<GoalProgress[]>;
}

export function createGoalsApi(core: ApiClientCore): GoalsApi {
  return {
    get: () => core.request({ path: "/goals", schema: goalsSchema }),
    update: (version, patch, options = {}) =>
      core.request({
        method: "PATCH",
        path: "/goals",
        body: patch,
        ifMatch: etagForVersion(version),
        idempotencyKey: options.idempotencyKey ?? createIdempotencyKey(),
        schema: goalsSchema,
      }),
    suggestion: () => core.request({ path: "/goals/suggestion", schema: goalSuggestionSchema }),
    async progress(date) {
      const day = await core.request({
        path: `/days/${encodeURIComponent(date)}`,
        schema: dayCardSchema,
      });
      return day.goals;
    },
  };
}
