import type { Logger } from "pino";

import type { Clock } from "../clock";
import type { Database } from "../database";
import { enqueueJob } from "./job-queue";
import type { JobWorker } from "./job-queue";

export interface PeriodicJob {
  kind: string;
  intervalMinutes: number;
}

export interface PeriodicScheduler {
  /** Enqueues the job of the current slot of every periodic kind; tests call it directly. */
  tick(): Promise<void>;
  start(): void;
  stop(): void;
}

const TICK_MS = 30_000;

/**
 * Enqueues periodic jobs (maintenance, reminder planning) once per slot for the whole cluster:
 * every instance ticks, and the dedupe key `<kind>:<slot start>` lets only the first enqueue
 * count, so each slot runs exactly once however many instances there are.
 */
export function createPeriodicScheduler(deps: {
  db: Database;
  clock: Clock;
  jobs: JobWorker;
  logger: Logger;
  periodic: PeriodicJob[];
}): PeriodicScheduler {
  let timer: NodeJS.Timeout | undefined;

  async function tick(): Promise<void> {
    const now = deps.clock.now();
    let added = 0;
    for (const job of deps.periodic) {
      const slotMs = job.intervalMinutes * 60_000;
      const slotStart = new Date(Math.floor(now.getTime() / slotMs) * slotMs);
      const inserted = await enqueueJob(deps.db, {
        kind: job.kind,
        payload: { slot: slotStart.toISOString() },
        runAt: slotStart,
        dedupeKey: `${job.kind}:${slotStart.toISOString()}`,
        maxAttempts: 3,
        expiresAt: new Date(slotStart.getTime() + slotMs),
      });
      if (inserted) added += 1;
    }
    if (added > 0) deps.jobs.kick();
  }

  return {
    tick,
    start() {
      if (timer) return;
      const run = (): void => {
        tick().catch((error: unknown) =>
          deps.logger.warn({ err: error }, "periodic job scheduling failed"),
        );
      };
      run();
      timer = setInterval(run, TICK_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
