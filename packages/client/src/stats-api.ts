import { statsSchema } from "@fitcoach/contract";
import type { StatMetric, Stats, StatsQuery } from "@fitcoach/contract";

import type { ApiClientCore } from "./api-client";

/** Read-only statistics: one metric per day, week or month, its moving average and streaks. */
export interface StatsApi {
  /**
   * Fetches one metric. Without `to` the range ends today. Without `from` the server picks a span
   * for the period: 30 days for "day", 12 weeks for "week" and a year for "month".
   */
  get(metric: StatMetric, query?: StatsQuery, signal?: AbortSignal): Promise<Stats>;
}

export function createStatsApi(core: ApiClientCore): StatsApi {
  return {
    get: (metric, query = {}, signal) =>
      core.request({
        path: `/stats/${encodeURIComponent(metric)}`,
        query: { period: query.period, from: query.from, to: query.to },
        schema: statsSchema,
        signal,
      }),
  };
}
