import { chmodSync, mkdirSync } from "node:fs";
import type { Logger } from "pino";

import type { AppDependencies } from "./app";
import { systemClock } from "./platform/clock";
import type { Clock } from "./platform/clock";
import type { Config } from "./platform/config";
import { createCounters } from "./platform/counters";
import { openDatabase } from "./platform/database";
import { createJobWorker } from "./platform/jobs/job-queue";
import { createMailer } from "./platform/mail/mailer";
import { connectRedis } from "./platform/redis";
import { MAIL_JOB_KIND, mailJobHandler } from "./platform/mail/mail-outbox";
import { webDistFolder } from "./platform/web-app";
import type { PushTransport } from "./features/notifications/push.service";

/**
 * Creates DATA_DIR readable by the server's user only. It contains the embedded database,
 * uploaded photos and development secrets; a folder left open to other local users would expose
 * health data and password hashes.
 */
function preparePrivateFolder(folder: string, logger: Logger): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    chmodSync(folder, 0o700);
  } catch (error) {
    // A mounted volume owned by another user cannot be changed here; its owner must restrict it.
    logger.warn({ err: error, folder }, "data folder permissions could not be restricted");
  }
}

/**
 * Opens the database (migrating it unless told not to), Redis and the mailer, and returns the
 * dependencies the app is built from. Used by main.ts, the CLI and tests alike.
 */
export async function openRuntime(
  config: Config,
  logger: Logger,
  options: {
    clock?: Clock;
    migrate?: boolean;
    webRoot?: string | null;
    pushTransport?: PushTransport;
  } = {},
): Promise<AppDependencies & { close(): Promise<void> }> {
  const clock = options.clock ?? systemClock;
  preparePrivateFolder(config.dataDir, logger);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
    logger,
  });
  if (options.migrate !== false) await database.migrate();

  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  const counters = createCounters(redis, logger, {
    keyPrefix: config.redisKeyPrefix,
    now: () => clock.now().getTime(),
  });
  const mailer = createMailer(config.email, logger);
  const jobs = createJobWorker({ db: database.db, logger, clock });
  jobs.register(MAIL_JOB_KIND, mailJobHandler(mailer));

  return {
    config,
    database,
    redis,
    counters,
    logger,
    clock,
    mailer,
    jobs,
    webRoot: options.webRoot === undefined ? webDistFolder() : options.webRoot,
    pushTransport: options.pushTransport,
    async close() {
      await jobs.stop();
      mailer.close();
      redis?.disconnect();
      await database.close();
    },
  };
}
