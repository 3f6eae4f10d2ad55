import { STAT_METRICS, STAT_PERIODS } from "@fitcoach/contract";
import type { StatMetric, StatPeriod } from "@fitcoach/contract";

import { presetRange, RANGE_PRESETS } from "./stats-range";
import type { DateRange, RangePreset } from "./stats-range";

export interface StatsSelection {
  metric: StatMetric;
  period: StatPeriod;
  preset: RangePreset;
  /** The dates typed for a custom range; ignored for the presets. */
  custom: DateRange;
}

function pick<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((item) => item === value) ?? fallback;
}

/**
 * Reads the selection from the address's query, so a chosen view survives a reload and can be
 * linked, as in /stats?metric=water&period=week. Unknown values fall back to the defaults.
 */
export function readSelection(params: URLSearchParams, today: string): StatsSelection {
  const preset = pick(RANGE_PRESETS, params.get("range"), "30d");
  const defaults = presetRange("30d", today);
  return {
    metric: pick(STAT_METRICS, params.get("metric"), "weight"),
    period: pick(STAT_PERIODS, params.get("period"), "day"),
    preset,
    custom: {
      from: preset === "custom" ? (params.get("from") ?? defaults.from) : defaults.from,
      to: preset === "custom" ? (params.get("to") ?? defaults.to) : defaults.to,
    },
  };
}

/** Writes a selection as query parameters; the dates appear only for a custom range. */
export function selectionParams(selection: StatsSelection): URLSearchParams {
  const params = new URLSearchParams({
    metric: selection.metric,
    period: selection.period,
    range: selection.preset,
  });
  if (selection.preset === "custom") {
    params.set("from", selection.custom.from);
    params.set("to", selection.custom.to);
  }
  return params;
}
