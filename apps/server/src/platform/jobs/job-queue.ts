import { randomUUID } from "node:crypto";
import { and, inArray, lt, or, sql } from "drizzle-orm";
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

/**
 * Thrown by a handler whose job is not due yet after all, such as a reminder whose user moved to
 * a time zone further west. The job runs again at `runAt` without using up an attempt.
 */
export class DeferJobError extends Error {
  override readonly name = "DeferJobError";

  constructor(
    readonly runAt: Date,
    readonly expiresAt: Date | null,
  ) {
    super(`deferred to ${runAt.toISOString()}`);
  }
}

const LEASE_SECONDS = 120;
const BACKOFF_BASE_SECONDS = 5;
const BACKOFF_MAX_SECONDS = 3_600;

// Payloads can hold action links with live tokens (mail), so a finished job keeps only its
// outcome: the payload is emptied when the job completes or fails for good.

/** Reads string fields of a job's payload; a missing field fails the job for good. */
export function payloadStrings<const K extends string>(
  job: ClaimedJob,
  keys: K[],
): Record<K, string> {
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const value = job.payload[key];
    if (typeof value !== "string") throw new PermanentJobError(`job payload has no ${key}`);
    values[key] = value;
  }
  return values;
}

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

/**
 * Adds jobs, or moves a job with the same dedupe key that has not been tried yet to the new run
 * time, expiry and payload. Planners call this on every pass, so a changed schedule re-times the
 * jobs it already queued. A job that ran, failed or waits for a retry is left alone.
 * Returns how many rows were added or changed. Dedupe keys must be distinct within one call.
 */
export async function upsertPendingJobs(
  executor: Executor,
  batch: (NewJob & { dedupeKey: string })[],
): Promise<number> {
  if (batch.length === 0) return 0;
  const changed = await executor
    .insert(jobs)
    .values(
      batch.map((job) => ({
        kind: job.kind,
        payload: job.payload,
        runAt: job.runAt,
        dedupeKey: job.dedupeKey,
        maxAttempts: job.maxAttempts,
        expiresAt: job.expiresAt,
      })),
    )
    .onConflictDoUpdate({
      target: jobs.dedupeKey,
      set: {
        runAt: sql`excluded.run_at`,
        expiresAt: sql`excluded.expires_at`,
        payload: sql`excluded.payload`,
      },
      setWhere: sql`${jobs.attempts} = 0 and ${jobs.completedAt} is null and ${jobs.failedAt} is null
        and (${jobs.runAt} <> excluded.run_at or ${jobs.expiresAt} is distinct from excluded.expires_at
          or ${jobs.payload} <> excluded.payload)`,
    })
    .returning({ id: jobs.id });
  return changed.length;
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
  /** Runs due jobs until none is left, including jobs that the jobs run queue; returns the count. */
  drain(): Promise<number>;
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

    if (error instanceof DeferJobError) {
      log.info({ jobId: job.id, kind: job.kind, runAt: error.runAt }, "job deferred");
      await options.db.execute(sql`
        update ${jobs} set run_at = ${error.runAt}, expires_at = ${error.expiresAt},
          attempts = attempts - 1, locked_until = null
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
      // Dropping a late job is the expected outcome (a reminder past its window), not a failure.
      log.info({ jobId: job.id, kind: job.kind }, "job expired before it ran");
      await options.db.execute(sql`
        update ${jobs} set failed_at = ${options.clock.now()}, locked_until = null,
          last_error = 'expired before it ran', payload = '{}'::jsonb
        where id = ${job.id} and locked_by = ${workerId}`);
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
    async drain() {
      let total = 0;
      for (let round = 0; round < 100; round += 1) {
        const count = await runOnce();
        if (count === 0) break;
        total += count;
      }
      return total;
    },
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

/**
 * Deletes jobs of the given kinds that completed or failed before a time; returns how many.
 * Their dedupe keys become free again, so purge only jobs that no planner will queue again.
 */
export async function purgeFinishedJobs(
  executor: Executor,
  kinds: string[],
  before: Date,
): Promise<number> {
  const rows = await executor
    .delete(jobs)
    .where(
      and(inArray(jobs.kind, kinds), or(lt(jobs.completedAt, before), lt(jobs.failedAt, before))),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
