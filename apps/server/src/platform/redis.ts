import { Redis } from "ioredis";
import type { Logger } from "pino";

/** Connection to Redis that fails fast while Redis is down, so callers can fall back at once. */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    // Commands sent while disconnected fail immediately instead of queueing until Redis returns;
    // a rate-limit check must never wait on a dead connection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    lazyConnect: false,
  });

  let wasReady = false;
  redis.on("ready", () => {
    wasReady = true;
    logger.info("redis connected");
  });
  redis.on("error", (error) => {
    if (wasReady) logger.warn({ err: error }, "redis unavailable, using per-instance limits");
    wasReady = false;
  });
  return redis;
}
