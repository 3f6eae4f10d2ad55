import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../clock";
import { rowsOf } from "../database";
import type { Database, Executor } from "../database";
import { jobs } from "./jobs.tables";

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** When the job becomes due, from the app's clock (not the database's) so tests can move time. */
  runAt: Date;
  /** A second job with the same key is ignored, which makes enqueueing idempotent. */
  dedupeKey?: string;
  maxAttempts?: number;
  expiresAt?: Date;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  expiresAt: Date | null;
}

/** A handler throws to ask for a retry; a `PermanentJobError` fails the job at once. */
export type JobHandler = (job: ClaimedJob) => Promise<void>;

export class PermanentJobError extends Error {
  override readonly name = "PermanentJobError";
}

const LEASE_SECONDS = 120;
const BACKOFF_BASE_SECONDS = 5;
const BACKOFF_MAX_SECONDS = 3_600;

// Payloads can hold action links with live tokens (mail), so a finished job keeps only its
// outcome: the payload is emptied when the job completes or fails for good.

/**
 * Adds a job. Pass the caller's transaction so the job exists only if the transaction commits;
 * returns false when a job with the same dedupe key already exists.
 */
export async function enqueueJob(executor: Executor, job: NewJob): Promise<boolean> {
  const inserted = await executor
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      runAt: job.runAt,
      dedupeKey: job.dedupeKey,
      maxAttempts: job.maxAttempts,
      expiresAt: job.expiresAt,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return inserted.length > 0;
}

export interface JobWorkerOptions {
  db: Database;
  logger: Logger;
  clock: Clock;
  pollIntervalMs?: number;
  batchSize?: number;
}

export interface JobWorker {
  /** Adds the handler for one kind of job; the worker claims only kinds it has handlers for. */
  register(kind: string, handler: JobHandler): void;
  /** Polls soon instead of waiting for the next interval; call after enqueueing. */
  kick(): void;
  /** Claims and runs due jobs once; returns how many ran. Tests call this directly. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const workerId = randomUUID();
  const log = options.logger.child({ component: "jobs" });
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 10;
  const handlers = new Map<string, JobHandler>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let kickRequested = false;

  async function claim(): Promise<ClaimedJob[]> {
    const now = options.clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000);
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return [];
    const result = await options.db.execute(sql`
      update ${jobs} set locked_until = ${leaseUntil}, locked_by = ${workerId}, attempts = attempts + 1
      where id in (
        select id from ${jobs}
        where completed_at is null and failed_at is null and run_at <= ${now}
          and (locked_until is null or locked_until < ${now})
          and kind in (${sql.join(
            kinds.map((kind) => sql`${kind}`),
            sql`, `,
          )})
        order by run_at
        limit ${batchSize}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts, run_at, expires_at`);
    return rowsOf<Record<string, unknown>>(result).map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      payload: (typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload) as Record<
        string,
        unknown
      >,
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
      runAt: new Date(row.run_at as string),
      expiresAt: row.expires_at ? new Date(row.expires_at as string) : null,
    }));
  }

  async function finish(job: ClaimedJob, error: unknown): Promise<void> {
    const now = options.clock.now();
    if (!error) {
      await options.db.execute(sql`
        update ${jobs} set completed_at = ${now}, locked_until = null, last_error = null, payload = '{}'::jsonb
        where id = ${job.id} and locked_by = ${workerId}`);
      return;
    }

    const message = error instanceof Error ? error.message : String(error);
    const permanent = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    if (permanent) {
      log.error(
        { err: error, jobId: job.id, kind: job.kind, attempts: job.attempts },
        "job failed",
      );
      await options.db.execute(sql`
        update ${jobs} set failed_at = ${now}, locked_until = null, last_error = ${message}, payload = '{}'::jsonb
        where id = ${job.id} and locked_by = ${workerId}`);
      return;
    }

    const delaySeconds = Math.min(
      BACKOFF_BASE_SECONDS * 2 ** (job.attempts - 1),
      BACKOFF_MAX_SECONDS,
    );
    const retryAt = new Date(now.getTime() + delaySeconds * 1000);
    log.warn(
      { err: error, jobId: job.id, kind: job.kind, attempts: job.attempts, retryAt },
      "job will be retried",
    );
    await options.db.execute(sql`
      update ${jobs} set run_at = ${retryAt}, locked_until = null, last_error = ${message}
      where id = ${job.id} and locked_by = ${workerId}`);
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    if (job.expiresAt && job.expiresAt < options.clock.now()) {
      log.info({ jobId: job.id, kind: job.kind }, "job expired before it ran");
      await finish(job, new PermanentJobError("expired before it ran"));
      return;
    }
    const handler = handlers.get(job.kind);
    try {
      await handler!(job);
      await finish(job, null);
    } catch (error) {
      await finish(job, error);
    }
  }

  async function runOnce(): Promise<number> {
    const claimed = await claim();
    await Promise.all(claimed.map(runJob));
    return claimed.length;
  }

  async function tick(): Promise<void> {
    if (stopped || running) return;
    try {
      do {
        kickRequested = false;
        running = runOnce();
        const count = await running;
        running = undefined;
        if (count < batchSize && !kickRequested) break;
      } while (!stopped);
    } catch (error) {
      log.warn({ err: error }, "job poll failed");
    } finally {
      running = undefined;
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(async () => {
      await tick();
      schedule();
    }, pollIntervalMs);
    timer.unref();
  }

  return {
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    kick() {
      if (stopped) return;
      kickRequested = true;
      // Two polls: the enqueueing transaction may not have committed at the first one.
      setTimeout(() => void tick(), 20).unref();
      setTimeout(() => void tick(), 250).unref();
    },
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => undefined);
    },
  };
}
