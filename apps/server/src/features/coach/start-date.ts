import { problem } from "../../platform/errors";
import { addDays, todayIn } from "../../platform/local-date";

/** How far back a plan or program may start, so the current week can still be filled in. */
export const START_DATE_DAYS_BEFORE = 7;
/** How far ahead a plan or program may start. */
export const START_DATE_DAYS_AHEAD = 60;

/** Throws a validation problem unless `date` lies from a week ago to 60 days ahead. */
export function assertStartDate(date: string, timeZone: string, now: Date): void {
  const today = todayIn(timeZone, now);
  const earliest = addDays(today, -START_DATE_DAYS_BEFORE);
  const latest = addDays(today, START_DATE_DAYS_AHEAD);
  if (date < earliest || date > latest) {
    throw problem("validation-failed", {
      detail: `A start date must lie between ${earliest} and ${latest}; ${date} is outside that range.`,
      errors: [{ field: "startDate", message: `must be between ${earliest} and ${latest}` }],
    });
  }
}
