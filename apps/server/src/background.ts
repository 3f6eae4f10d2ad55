import type { AppDependencies } from "./app";
import { purgeExpiredIdempotencyKeys } from "./platform/idempotency/idempotency";
import { createPeriodicScheduler } from "./platform/jobs/periodic-jobs";
import type { PeriodicJob, PeriodicScheduler } from "./platform/jobs/periodic-jobs";
import type { Services } from "./services";
import { IMPORT_JOB_KIND } from "./features/data-transfer/data-transfer.service";

/** Periodic work of the product: kind and how often it runs. */
const PERIODIC_JOBS: PeriodicJob[] = [
  { kind: "maintenance.idempotency-keys", intervalMinutes: 60 },
  { kind: "maintenance.signing-key-rotation", intervalMinutes: 60 },
  { kind: "accounts.purge-deleted", intervalMinutes: 60 },
];

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
    periodic: PERIODIC_JOBS,
  });
}
