import type { Redis } from "ioredis";
import type { Logger } from "pino";

export interface HealthReport {
  database: "ok" | "unreachable";
  redis: "ok" | "degraded" | "disabled";
}

export interface HealthService {
  check(): Promise<HealthReport>;
}

const CHECK_TIMEOUT_MS = 2_000;

/**
 * Checks the database and Redis. Redis being down is reported as degraded rather than failing
 * readiness: the server keeps serving with per-instance rate limits, so a load balancer should not
 * pull every instance at once for it.
 */
export function createHealthService(deps: {
  pingDatabase: () => Promise<void>;
  redis: Redis | undefined;
  logger: Logger;
}): HealthService {
  let lastDatabaseState: "ok" | "unreachable" = "ok";

  return {
    async check() {
      const [database, redis] = await Promise.all([checkDatabase(), checkRedis()]);
      if (database !== lastDatabaseState) {
        deps.logger.warn(
          { database },
          database === "ok" ? "database reachable again" : "database unreachable",
        );
        lastDatabaseState = database;
      }
      return { database, redis };
    },
  };

  async function checkDatabase(): Promise<HealthReport["database"]> {
    try {
      await withTimeout(deps.pingDatabase(), CHECK_TIMEOUT_MS);
      return "ok";
    } catch {
      return "unreachable";
    }
  }

  async function checkRedis(): Promise<HealthReport["redis"]> {
    if (!deps.redis) return "disabled";
    try {
      await withTimeout(deps.redis.ping(), CHECK_TIMEOUT_MS);
      return "ok";
    } catch {
      return "degraded";
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds} ms`)), milliseconds);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
