import type { Goals, GoalsPut, Me } from "@fitcoach/contract";
import { GOAL_SLEEP_MAX_MIN, GOAL_SLEEP_MIN_MIN } from "@fitcoach/contract";

export const GOAL_KINDS = ["weight", "nutrition", "water", "sleep", "steps", "workouts"] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

const MINUTES_PER_HOUR = 60;
export const SLEEP_HOURS_MIN = GOAL_SLEEP_MIN_MIN / MINUTES_PER_HOUR;
export const SLEEP_HOURS_MAX = GOAL_SLEEP_MAX_MIN / MINUTES_PER_HOUR;

/** One input of a goal form, mapped to one field of the PATCH /goals body. */
export interface GoalField {
  /** Field of the request body; its validation errors carry this name. */
  name: keyof GoalsPut;
  /** Catalog key of the label. */
  labelKey: string;
  isDecimal: boolean;
  /** The saved target as the input shows it; "" when there is none. */
  format(goals: Goals): string;
  /** Converts what the user typed to the value sent; "" clears the target. */
  parse(text: string): number | null;
}

function readNumber(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? null : Number(trimmed);
}

function formatNumberText(value: number | null, fractionDigits = 0): string {
  if (value === null) return "";
  const factor = 10 ** fractionDigits;
  return String(Math.round(value * factor) / factor);
}

function whole(name: keyof GoalsPut & keyof Goals): GoalField {
  return {
    name,
    labelKey: `goals.fields.${name}`,
    isDecimal: false,
    format: (goals) => formatNumberText(goals[name] as number | null),
    parse: readNumber,
  };
}

function weightField(units: Me["units"]): GoalField {
  const name = units === "imperial" ? "targetWeightLb" : "targetWeightKg";
  return {
    name,
    labelKey: `goals.fields.${name}`,
    isDecimal: true,
    format: (goals) => formatNumberText(goals[name], 1),
    parse: readNumber,
  };
}

const sleepField: GoalField = {
  name: "sleepMin",
  labelKey: "goals.fields.sleepHours",
  isDecimal: true,
  format: (goals) =>
    goals.sleepMin === null ? "" : formatNumberText(goals.sleepMin / MINUTES_PER_HOUR, 2),
  // The API stores whole minutes, so 7.5 hours is sent as 450.
  parse: (text) => {
    const hours = readNumber(text);
    return hours === null ? null : Math.round(hours * MINUTES_PER_HOUR);
  },
};

/** Returns the inputs of each goal form; the weight field follows the profile's units. */
export function goalFields(kind: GoalKind, units: Me["units"]): GoalField[] {
  switch (kind) {
    case "weight":
      return [weightField(units)];
    case "nutrition":
      return [whole("kcal"), whole("proteinG"), whole("carbsG"), whole("fatG"), whole("fiberG")];
    case "water":
      return [whole("waterMl")];
    case "sleep":
      return [sleepField];
    case "steps":
      return [whole("steps")];
    case "workouts":
      return [whole("weeklyWorkouts")];
  }
}
