import { localDateSchema } from "@fitcoach/contract";

/** Today's calendar date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  // The Canadian English format is ISO-like (2026-03-29) in every runtime that ships Intl.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** Adds whole days to a YYYY-MM-DD date, by calendar and not by 24-hour steps. */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function isLocalDate(value: string | undefined): value is string {
  return value !== undefined && localDateSchema.safeParse(value).success;
}
