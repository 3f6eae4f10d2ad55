import type { Stats } from "@fitcoach/contract";

import type { MetricDisplay } from "./metric-units";

/** One bucket of the chart and table, in the unit shown. */
export interface ChartRow {
  start: string;
  end: string;
  value: number | null;
  /** The 7-day moving average on the bucket's last day (or on `to` when the bucket runs past it). */
  average: number | null;
  /** Days in the bucket with data. */
  days: number;
}

/** Joins the buckets with the moving average and converts both to the unit shown. */
export function buildChartRows(stats: Stats, display: MetricDisplay): ChartRow[] {
  const averages = new Map(stats.movingAverage7.map((item) => [item.date, item.value]));
  const convert = (value: number | null | undefined): number | null =>
    value === null || value === undefined ? null : display.convert(value);

  return stats.points.map((point) => {
    const lastDay = point.end < stats.to ? point.end : stats.to;
    return {
      start: point.start,
      end: point.end,
      value: convert(point.value),
      average: convert(averages.get(lastDay)),
      days: point.days,
    };
  });
}

export function hasData(rows: ChartRow[]): boolean {
  return rows.some((row) => row.days > 0);
}
