import { RANGE_MAX_DAYS } from "@fitcoach/contract";
import { DateTime } from "luxon";

import { problem } from "../../platform/errors";

/** Days from one local date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days")
    .days;
}

/** Throws a validation problem unless `from` ≤ `to` and the range spans at most RANGE_MAX_DAYS. */
export function assertDateRange(from: string, to: string): void {
  const span = daysBetween(from, to);
  if (span < 0) {
    throw problem("validation-failed", {
      detail: `The range starts (${from}) after it ends (${to}).`,
      errors: [{ field: "query.from", message: "must not be after to" }],
    });
  }
  if (span + 1 > RANGE_MAX_DAYS) {
    throw problem("validation-failed", {
      detail: `A range may cover at most ${RANGE_MAX_DAYS} days; this one covers ${span + 1}.`,
      errors: [
        { field: "query.to", message: `must be at most ${RANGE_MAX_DAYS - 1} days after from` },
      ],
    });
  }
}
