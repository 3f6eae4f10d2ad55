import type { Me, StatMetric } from "@fitcoach/contract";

const LB_PER_KG = 1 / 0.45359237;
const MINUTES_PER_HOUR = 60;

/** Display settings of one metric: the unit shown and the conversion from the API's unit. */
export interface MetricDisplay {
  /** Unit shown, named in the catalog under stats.unitNames. */
  unit: string;
  fractionDigits: number;
  /** Converts a value from the API's unit (kg, ml, minutes, ...) to the unit shown. */
  convert(value: number): number;
}

function same(unit: string, fractionDigits: number): MetricDisplay {
  return { unit, fractionDigits, convert: (value) => value };
}

function weight(units: Me["units"], fractionDigits: number): MetricDisplay {
  if (units === "imperial") {
    return { unit: "lb", fractionDigits, convert: (value) => value * LB_PER_KG };
  }
  return same("kg", fractionDigits);
}

/**
 * Chooses the unit a metric is shown in. Weights follow the profile's units; sleep is shown in
 * hours, because the API's minutes make long numbers on a chart axis.
 */
export function metricDisplay(metric: StatMetric, units: Me["units"]): MetricDisplay {
  switch (metric) {
    case "weight":
      return weight(units, 1);
    case "training-volume":
      return weight(units, 0);
    case "sleep":
      return { unit: "h", fractionDigits: 1, convert: (value) => value / MINUTES_PER_HOUR };
    case "water":
      return same("ml", 0);
    case "kcal":
      return same("kcal", 0);
    case "protein":
    case "carbs":
    case "fat":
      return same("g", 0);
    case "mood":
      return same("mood", 1);
    case "effort":
      return same("effort", 0);
    case "steps":
      return same("steps", 0);
    case "workouts":
      return same("workouts", 1);
  }
}

/** Units that metricDisplay can return, each named in the catalog under stats.unitNames. */
export const METRIC_UNITS = [
  "kg",
  "lb",
  "h",
  "ml",
  "kcal",
  "g",
  "mood",
  "effort",
  "steps",
  "workouts",
] as const;
