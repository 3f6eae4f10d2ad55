import type { FastifyInstance } from "fastify";

import type { AppDependencies } from "./app";
import { healthRoutes } from "./features/health/health.routes";
import type { Services } from "./services";

export async function registerFeatureRoutes(
  app: FastifyInstance,
  services: Services,
  _deps: AppDependencies,
): Promise<void> {
  await app.register(healthRoutes, { health: services.health });
}
