import { DateTime } from "luxon";

import { problem } from "./errors";

/**
 * Calendar arithmetic in a user's IANA time zone. A "day" is a local date; the database stores UTC
 * instants, and this module is the one place that converts between them, so DST days of 23 or 25
 * hours come out right everywhere.
 */

export const EARLIEST_LOGGABLE_DATE = "1900-01-01";

/** Today's date in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

/** Returns the local date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate()!;
}

/** Returns the UTC instants where a local day starts and ends (end exclusive). */
export function dayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** Adds days to a local date; the result is a local date too. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate()!;
}

/**
 * Converts a local date-time without offset ("2026-03-29T07:30") in a time zone to a UTC instant.
 * A time that does not exist (skipped by a DST change) moves forward by the gap, as clocks do.
 */
export function localDateTimeToInstant(localDateTime: string, timeZone: string): Date {
  const value = DateTime.fromISO(localDateTime, { zone: timeZone });
  if (!value.isValid) throw new TypeError(`Invalid local date-time: ${localDateTime}`);
  return value.toJSDate();
}

/**
 * Throws a validation problem unless a logged entry's date lies between 1900-01-01 and tomorrow in
 * the user's time zone. Tomorrow is allowed because a user travelling east may already be there.
 */
export function assertLoggableDate(
  date: string,
  timeZone: string,
  now: Date,
  field = "date",
): void {
  const latest = addDays(todayIn(timeZone, now), 1);
  if (date < EARLIEST_LOGGABLE_DATE || date > latest) {
    throw problem("validation-failed", {
      detail: `Entries can be logged for dates from ${EARLIEST_LOGGABLE_DATE} to ${latest}; ${date} is outside that range.`,
      errors: [{ field, message: `must be between ${EARLIEST_LOGGABLE_DATE} and ${latest}` }],
    });
  }
}

/**
 * Throws a validation problem unless a date can hold entries at all: from 1900-01-01 to tomorrow in
 * the zone that is furthest ahead. Reads use this rather than the user's own range, because an
 * entry logged before the user moved west may sit a day or two past the new zone's tomorrow.
 */
export function assertReadableDate(date: string, now: Date, field = "date"): void {
  const latest = addDays(todayIn("Pacific/Kiritimati", now), 1);
  if (date < EARLIEST_LOGGABLE_DATE || date > latest) {
    throw problem("validation-failed", {
      detail: `Days can be read from ${EARLIEST_LOGGABLE_DATE} to ${latest}; ${date} is outside that range.`,
      errors: [{ field, message: `must be between ${EARLIEST_LOGGABLE_DATE} and ${latest}` }],
    });
  }
}

/** Returns the date, or the earliest loggable date when it is earlier, so look-backs stay in range. */
export function notBeforeEarliest(date: string): string {
  return date < EARLIEST_LOGGABLE_DATE ? EARLIEST_LOGGABLE_DATE : date;
}
