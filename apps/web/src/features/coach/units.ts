import type { Me } from "@fitcoach/contract";

const KG_PER_LB = 0.45359237;

/** Converts a weight the user typed in their units to kilograms, rounded to 0.1 kg. */
export function weightToKg(value: number, units: Me["units"]): number {
  const kilograms = units === "imperial" ? value * KG_PER_LB : value;
  return Math.round(kilograms * 10) / 10;
}

/** Converts kilograms to the user's units, rounded to 0.1. */
export function weightFromKg(kilograms: number, units: Me["units"]): number {
  const value = units === "imperial" ? kilograms / KG_PER_LB : kilograms;
  return Math.round(value * 10) / 10;
}

/** Formats a number for the reader's language with at most `fractionDigits` decimals. */
export function formatNumber(value: number, language: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits }).format(value);
}
