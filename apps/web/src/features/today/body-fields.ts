import type { BodyEntry, Me } from "@fitcoach/contract";

/** Measurements the body form shows, in display order. */
export const BODY_FIELDS = ["weight", "waist", "hips", "chest", "neck", "bodyFat"] as const;
export type BodyField = (typeof BODY_FIELDS)[number];

/** Text of each body field as typed; an empty string is a field left blank. */
export type BodyTexts = Record<BodyField, string>;

export const EMPTY_BODY_TEXTS: BodyTexts = {
  weight: "",
  waist: "",
  hips: "",
  chest: "",
  neck: "",
  bodyFat: "",
};

/**
 * Returns the API field of a body field in the user's units, such as "waistIn" for imperial.
 * Values go in the user's unit, so the server stores them as typed and reads them back exactly.
 */
export function apiFieldOf(field: BodyField, units: Me["units"]): keyof BodyEntry & string {
  const isImperial = units === "imperial";
  if (field === "bodyFat") return "bodyFatPercent";
  if (field === "weight") return isImperial ? "weightLb" : "weightKg";
  return `${field}${isImperial ? "In" : "Cm"}`;
}

/** Returns the unit symbol of a body field in the user's units. */
export function unitOf(field: BodyField, units: Me["units"]): "kg" | "lb" | "cm" | "in" | "%" {
  const isImperial = units === "imperial";
  if (field === "bodyFat") return "%";
  if (field === "weight") return isImperial ? "lb" : "kg";
  return isImperial ? "in" : "cm";
}

/** Returns the stored value of a field in the user's units, or null when it was not logged. */
export function valueOf(entry: BodyEntry, field: BodyField, units: Me["units"]): number | null {
  return entry[apiFieldOf(field, units)] as number | null;
}

export function textsOf(entry: BodyEntry, units: Me["units"]): BodyTexts {
  const texts = { ...EMPTY_BODY_TEXTS };
  for (const field of BODY_FIELDS) {
    const value = valueOf(entry, field, units);
    texts[field] = value === null ? "" : String(value);
  }
  return texts;
}
