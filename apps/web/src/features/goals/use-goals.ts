import { useMemo } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import { createGoalsApi } from "@fitcoach/client";
import type { GoalProgress, GoalsApi } from "@fitcoach/client";
import type { Goals, GoalsPut } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";

/** Query keys of the goals screen; they start with "goals" so one invalidation covers both. */
export const goalsKeys = {
  goals: ["goals"] as const,
  progress: (date: string) => ["goals", "progress", date] as const,
};

/** Returns the goals API; built here so its code loads with this screen only. */
export function useGoalsApi(): GoalsApi {
  const api = useApi();
  return useMemo(() => createGoalsApi(api), [api]);
}

export function useGoals(): UseQueryResult<Goals> {
  const goals = useGoalsApi();
  return useQuery({ queryKey: goalsKeys.goals, queryFn: () => goals.get() });
}

export function useGoalProgress(date: string): UseQueryResult<GoalProgress[]> {
  const goals = useGoalsApi();
  return useQuery({ queryKey: goalsKeys.progress(date), queryFn: () => goals.progress(date) });
}

export interface GoalsWrite {
  version: number;
  patch: GoalsPut;
  idempotencyKey: string;
}

/** Saves targets. The response replaces the cached goals, and the progress is read again. */
export function useSaveGoals(): UseMutationResult<Goals, Error, GoalsWrite> {
  const goals = useGoalsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: GoalsWrite) =>
      goals.update(write.version, write.patch, { idempotencyKey: write.idempotencyKey }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(goalsKeys.goals, saved);
      await queryClient.invalidateQueries({ queryKey: ["goals", "progress"] });
    },
  });
}
