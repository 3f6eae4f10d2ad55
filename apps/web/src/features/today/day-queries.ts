import { useMemo } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { UseQueryResult } from "@tanstack/react-query";
import {
  createDaysApi,
  createEntriesApi,
  createFoodsApi,
  createSavedMealsApi,
  createWorkoutsApi,
} from "@fitcoach/client";
import type { DaysApi, EntriesApi, FoodsApi, SavedMealsApi, WorkoutsApi } from "@fitcoach/client";
import type { DayCard } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";

/** The calls the daily card makes, built once per API client. */
export interface TrackingApi {
  days: DaysApi;
  entries: EntriesApi;
  foods: FoodsApi;
  savedMeals: SavedMealsApi;
  workouts: WorkoutsApi;
}

export function useTrackingApi(): TrackingApi {
  const api = useApi();
  return useMemo(
    () => ({
      days: createDaysApi(api),
      entries: createEntriesApi(api),
      foods: createFoodsApi(api),
      savedMeals: createSavedMealsApi(api),
      workouts: createWorkoutsApi(api),
    }),
    [api],
  );
}

export function dayQueryKey(date: string): readonly ["day", string] {
  return ["day", date];
}

export function useDay(date: string): UseQueryResult<DayCard> {
  const api = useTrackingApi();
  return useQuery({
    queryKey: dayQueryKey(date),
    queryFn: ({ signal }) => api.days.getDay(date, signal),
  });
}

/**
 * Returns a function that reloads the card of `date`. Every write calls it, because the card's
 * totals, goal progress and scores are computed by the server from all of the day's entries.
 */
export function useRefreshDay(date: string): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: dayQueryKey(date) });
}
