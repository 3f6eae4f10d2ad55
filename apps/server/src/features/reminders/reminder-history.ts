import type { Database } from "../../platform/database";
import { purgeFinishedJobs } from "../../platform/jobs/job-queue";
import type { NotificationsService } from "../notifications/notifications.service";
import { purgeDeliveries } from "./reminder-deliveries";
import { DELIVER_REMINDER_JOB, WEEKLY_SUMMARY_JOB } from "./reminder-planner";

/** How long notifications and delivery records are kept. */
export const REMINDER_HISTORY_DAYS = 90;
// Planning never queues a slot older than its late window (at most a day). So deleting finished
// jobs older than a week frees no dedupe key that could let a reminder be queued twice.
const FINISHED_JOB_DAYS = 7;

/** Deletes old notifications, delivery records and finished reminder jobs. */
export async function purgeReminderHistory(deps: {
  db: Database;
  notifications: NotificationsService;
  now: Date;
}): Promise<void> {
  const historyBefore = new Date(deps.now.getTime() - REMINDER_HISTORY_DAYS * 86_400_000);
  const jobsBefore = new Date(deps.now.getTime() - FINISHED_JOB_DAYS * 86_400_000);
  await deps.notifications.purgeCreatedBefore(historyBefore);
  await purgeDeliveries(deps.db, historyBefore);
  await purgeFinishedJobs(deps.db, [DELIVER_REMINDER_JOB, WEEKLY_SUMMARY_JOB], jobsBefore);
}
