import { localDateSchema, RANGE_MAX_DAYS } from "@fitcoach/contract";

import { addDays } from "../today/local-date";

export const RANGE_PRESETS = ["30d", "90d", "1y", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_DAYS: Record<Exclude<RangePreset, "custom">, number> = {
  "30d": 30,
  "90d": 90,
  "1y": 365,
};

export interface DateRange {
  from: string;
  to: string;
}

/** Returns the range of a preset: the given number of days ending today, today included. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): DateRange {
  return { from: addDays(today, -(PRESET_DAYS[preset] - 1)), to: today };
}

/** Message keys per field of a custom range; empty when the range can be sent. */
export type RangeErrors = Partial<Record<keyof DateRange, string>>;

/** Checks a custom range the way the API does, so the request is sent only when it can succeed. */
export function checkCustomRange(range: DateRange): RangeErrors {
  const errors: RangeErrors = {};
  if (!localDateSchema.safeParse(range.from).success) errors.from = "stats.range.invalidDate";
  if (!localDateSchema.safeParse(range.to).success) errors.to = "stats.range.invalidDate";
  if (errors.from || errors.to) return errors;

  const spanDays = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (spanDays < 0) errors.to = "stats.range.toBeforeFrom";
  else if (spanDays + 1 > RANGE_MAX_DAYS) errors.to = "stats.range.tooLong";
  return errors;
}

export { RANGE_MAX_DAYS };
