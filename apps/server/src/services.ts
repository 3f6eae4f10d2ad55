import type { AppDependencies } from "./app";
import { createHealthService } from "./features/health/health.service";
import type { HealthService } from "./features/health/health.service";

/** Every feature's service, built once per app; features reach each other only through these. */
export interface Services {
  health: HealthService;
}

export function createServices(deps: AppDependencies): Services {
  const health = createHealthService({
    pingDatabase: () => deps.database.ping(),
    redis: deps.redis,
    logger: deps.logger,
  });
  return { health };
}
