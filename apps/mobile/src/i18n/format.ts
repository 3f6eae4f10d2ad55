import type { TFunction } from "i18next";
import { CM_PER_INCH, KG_PER_POUND, ML_PER_US_FLUID_OUNCE } from "./unit-factors";

/** The user's unit system from the profile. */
export type UnitSystem = "metric" | "imperial";

/** Formats a number for the language, with at most `maximumFractionDigits` decimals. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits }).format(value);
}

/** Formats a calendar date (YYYY-MM-DD) with its weekday, such as "Sunday, 29 March 2026". */
export function formatLocalDate(date: string, language: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const instant = new Date(Date.UTC(year!, month! - 1, day!));
  return new Intl.DateTimeFormat(language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(instant);
}

/** Formats an ISO instant in the device's time zone, such as "29 Mar 2026, 21:00". */
export function formatDateTime(instant: string, language: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

/** Formats a water amount in millilitres or US fluid ounces, with the unit's translated symbol. */
export function formatWater(ml: number, units: UnitSystem, language: string, t: TFunction): string {
  if (units === "imperial") {
    return t("units.flOz", { value: formatNumber(ml / ML_PER_US_FLUID_OUNCE, language, 1) });
  }
  return t("units.ml", { value: formatNumber(ml, language, 0) });
}

/** Formats a body weight in kilograms or pounds. */
export function formatWeight(
  kg: number,
  units: UnitSystem,
  language: string,
  t: TFunction,
): string {
  if (units === "imperial") {
    return t("units.lb", { value: formatNumber(kg / KG_PER_POUND, language, 1) });
  }
  return t("units.kg", { value: formatNumber(kg, language, 1) });
}

/** Formats a length such as height in centimetres or inches. */
export function formatLength(
  cm: number,
  units: UnitSystem,
  language: string,
  t: TFunction,
): string {
  if (units === "imperial") {
    return t("units.in", { value: formatNumber(cm / CM_PER_INCH, language, 1) });
  }
  return t("units.cm", { value: formatNumber(cm, language, 0) });
}

/** Formats minutes as hours and minutes, such as "7 h 30 min". */
export function formatDuration(minutes: number, language: string, t: TFunction): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  if (hours === 0) return t("units.minutes", { value: formatNumber(rest, language, 0) });
  return t("units.hoursMinutes", {
    hours: formatNumber(hours, language, 0),
    minutes: formatNumber(rest, language, 0),
  });
}

/**
 * Reads a number typed in the user's language: "1,5" and "1.5" are both one and a half, and
 * grouping spaces are ignored. Returns null for anything else.
 */
export function parseLocalizedNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return null;
  return Number(compact);
}
