import type { AppDependencies } from "./app";
import {
  FORGOT_PASSWORD_JOB,
  recoveryJobHandler,
  RESEND_VERIFICATION_JOB,
} from "./features/auth/account-recovery.service";
import { purgeExpiredIdempotencyKeys } from "./platform/idempotency/idempotency";
import { createPeriodicScheduler } from "./platform/jobs/periodic-jobs";
import type { PeriodicJob, PeriodicScheduler } from "./platform/jobs/periodic-jobs";
import { purgeReminderHistory } from "./features/reminders/reminder-history";
import { DELIVER_REMINDER_JOB, WEEKLY_SUMMARY_JOB } from "./features/reminders/reminder-planner";
import type { Services } from "./services";
import { IMPORT_JOB_KIND } from "./features/data-transfer/data-transfer.service";

/** Periodic work of the product: kind and how often it runs. */
function periodicJobs(deps: AppDependencies): PeriodicJob[] {
  return [
    { kind: "maintenance.idempotency-keys", intervalMinutes: 60 },
    { kind: "maintenance.signing-key-rotation", intervalMinutes: 60 },
    { kind: "maintenance.reminder-history", intervalMinutes: 24 * 60 },
    { kind: "reminders.plan", intervalMinutes: deps.config.reminders.planningIntervalMinutes },
    { kind: "accounts.purge-deleted", intervalMinutes: 60 },
    { kind: "coach.meal-plan-prefill", intervalMinutes: 60 },
  ];
}

/**
 * Registers every job handler with the worker and returns the scheduler of periodic jobs. Handlers
 * live with their features; this file only connects them.
 */
export function registerBackgroundWork(
  deps: AppDependencies,
  services: Services,
): PeriodicScheduler {
  const { jobs } = deps;
  const db = deps.database.db;

  jobs.register("maintenance.idempotency-keys", async () => {
    await purgeExpiredIdempotencyKeys(db, deps.clock.now());
  });
  jobs.register("maintenance.signing-key-rotation", async () => {
    await services.signingKeys.rotateIfDue();
  });
  jobs.register("maintenance.reminder-history", async () => {
    await purgeReminderHistory({
      db,
      notifications: services.notifications,
      now: deps.clock.now(),
    });
  });
  jobs.register("reminders.plan", async () => {
    await services.reminderPlanner.planAll();
  });
  jobs.register(DELIVER_REMINDER_JOB, (job) => services.reminderDelivery.deliverReminder(job));
  jobs.register(WEEKLY_SUMMARY_JOB, (job) => services.reminderDelivery.deliverWeeklySummary(job));
  jobs.register(FORGOT_PASSWORD_JOB, recoveryJobHandler(services.recovery, FORGOT_PASSWORD_JOB));
  jobs.register(
    RESEND_VERIFICATION_JOB,
    recoveryJobHandler(services.recovery, RESEND_VERIFICATION_JOB),
  );
  jobs.register("coach.meal-plan-prefill", async () => {
    await services.coach.mealPlans.prefillDue();
  });
  jobs.register("accounts.purge-deleted", async () => {
    await services.accountDeletion.purgeDue();
  });
  jobs.register(IMPORT_JOB_KIND, async (job) => {
    await services.dataTransfer.runImport(String(job.payload.importId));
  });

  return createPeriodicScheduler({
    db,
    clock: deps.clock,
    jobs,
    logger: deps.logger,
    periodic: periodicJobs(deps),
  });
}
