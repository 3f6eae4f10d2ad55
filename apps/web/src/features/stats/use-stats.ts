import { useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { UseQueryResult } from "@tanstack/react-query";
import { createStatsApi } from "@fitcoach/client";
import type { StatsApi } from "@fitcoach/client";
import type { StatMetric, StatPeriod, Stats } from "@fitcoach/contract";

import { useApi } from "../../app/api-context";
import type { DateRange } from "./stats-range";

/** Returns the stats API; built here so its code loads with this screen only. */
export function useStatsApi(): StatsApi {
  const api = useApi();
  return useMemo(() => createStatsApi(api), [api]);
}

/** Loads one metric for a period and range; waits while `range` is null (an invalid range). */
export function useStats(
  metric: StatMetric,
  period: StatPeriod,
  range: DateRange | null,
): UseQueryResult<Stats> {
  const stats = useStatsApi();
  return useQuery({
    queryKey: ["stats", metric, period, range?.from ?? null, range?.to ?? null],
    queryFn: ({ signal }) =>
      stats.get(metric, { period, from: range?.from, to: range?.to }, signal),
    enabled: range !== null,
    // Keeps the last chart on screen while the next metric or range loads.
    placeholderData: keepPreviousData,
  });
}
