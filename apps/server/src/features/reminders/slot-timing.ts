import type { Logger } from "pino";

import { DeferJobError } from "../../platform/jobs/job-queue";
import type { ClaimedJob } from "../../platform/jobs/job-queue";
import { expiryOf, occurrenceOfSlot } from "./reminder-schedule";
import type { Occurrence, ScheduleContext, ScheduleRule } from "./reminder-schedule";

// The queue claims a job only once its run time has passed, so a fire time still ahead means the
// schedule moved later (a time zone further west) after the job was queued.
const EARLY_TOLERANCE_MS = 1_000;

/**
 * Checks a queued slot against the schedule as it is now. Returns the occurrence when it is due,
 * or null (and logs why) when the slot is no longer scheduled or is later than its window. Throws
 * DeferJobError when the slot now fires later, so the queue runs the job again then.
 */
export function dueOccurrence(input: {
  job: ClaimedJob;
  rule: ScheduleRule;
  context: ScheduleContext;
  slot: string;
  lateWindowMs: number;
  /** The rule's last schedule change; earlier fire times belong to the rule as it was. */
  changedAt: Date | null;
  now: Date;
  log: Logger;
}): Occurrence | null {
  const { job, slot, now, log } = input;
  const occurrence = occurrenceOfSlot(input.rule, input.context, slot);
  if (!occurrence || (input.changedAt && occurrence.fireAt < input.changedAt)) {
    log.info({ jobId: job.id, slot }, "reminder no longer scheduled");
    return null;
  }

  const expiresAt = expiryOf(occurrence, input.lateWindowMs);
  if (occurrence.fireAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
    throw new DeferJobError(occurrence.fireAt, expiresAt);
  }
  if (now > expiresAt) {
    log.info({ jobId: job.id, slot }, "reminder dropped as too late");
    return null;
  }
  return occurrence;
}
