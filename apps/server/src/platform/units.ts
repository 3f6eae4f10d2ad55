import { CM_PER_IN, KG_PER_LB } from "@fitcoach/contract";

/**
 * Conversions at the edges of the API. Stored values keep the unit they were entered in, so a
 * conversion here never feeds back into what the user reads as their own entry.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function poundsToKilograms(pounds: number): number {
  return pounds * KG_PER_LB;
}

export function kilogramsToPounds(kilograms: number): number {
  return kilograms / KG_PER_LB;
}

export function inchesToCentimetres(inches: number): number {
  return inches * CM_PER_IN;
}

export function centimetresToInches(centimetres: number): number {
  return centimetres / CM_PER_IN;
}

/** A value as entered, with its unit and its metric equivalent (4 decimals) for calculations. */
export interface StoredMeasure<Unit extends string> {
  value: number;
  unit: Unit;
  metric: number;
}

export function storeWeight(input: {
  kg?: number | null;
  lb?: number | null;
}): StoredMeasure<"kg" | "lb"> | null | undefined {
  if (input.lb !== undefined && input.lb !== null) {
    const value = roundTo(input.lb, 2);
    return { value, unit: "lb", metric: roundTo(poundsToKilograms(value), 4) };
  }
  if (input.kg !== undefined && input.kg !== null) {
    const value = roundTo(input.kg, 2);
    return { value, unit: "kg", metric: value };
  }
  if (input.kg === null || input.lb === null) return null;
  return undefined;
}

export function storeLength(input: {
  cm?: number | null;
  in?: number | null;
}): StoredMeasure<"cm" | "in"> | null | undefined {
  if (input.in !== undefined && input.in !== null) {
    const value = roundTo(input.in, 2);
    return { value, unit: "in", metric: roundTo(inchesToCentimetres(value), 4) };
  }
  if (input.cm !== undefined && input.cm !== null) {
    const value = roundTo(input.cm, 2);
    return { value, unit: "cm", metric: value };
  }
  if (input.cm === null || input.in === null) return null;
  return undefined;
}

/** Both units of a stored weight: the entered one exactly, the other rounded to 2 decimals. */
export function readWeight(
  value: number | null,
  unit: string | null,
): { kg: number | null; lb: number | null; unit: "kg" | "lb" | null } {
  if (value === null || unit === null) return { kg: null, lb: null, unit: null };
  if (unit === "lb") return { kg: roundTo(poundsToKilograms(value), 2), lb: value, unit: "lb" };
  return { kg: value, lb: roundTo(kilogramsToPounds(value), 2), unit: "kg" };
}

export function readLength(
  value: number | null,
  unit: string | null,
): { cm: number | null; in: number | null; unit: "cm" | "in" | null } {
  if (value === null || unit === null) return { cm: null, in: null, unit: null };
  if (unit === "in") return { cm: roundTo(inchesToCentimetres(value), 2), in: value, unit: "in" };
  return { cm: value, in: roundTo(centimetresToInches(value), 2), unit: "cm" };
}
