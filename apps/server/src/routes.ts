import type { FastifyInstance } from "fastify";

import type { AppDependencies } from "./app";
import { meRoutes } from "./features/accounts/me.routes";
import { authRoutes } from "./features/auth/auth.routes";
import { registerAuthentication } from "./features/auth/authenticate";
import { registerIdempotency } from "./platform/idempotency/idempotency";
import { customFoodRoutes } from "./features/foods/custom-foods.routes";
import { foodRoutes } from "./features/foods/foods.routes";
import { mealPhotoRoutes } from "./features/meals/meal-photos.routes";
import { mealRoutes } from "./features/meals/meals.routes";
import { savedMealRoutes } from "./features/meals/saved-meals.routes";
import { healthRoutes } from "./features/health/health.routes";
import { twoFactorRoutes } from "./features/two-factor/two-factor.routes";
import type { Services } from "./services";

export async function registerFeatureRoutes(
  app: FastifyInstance,
  services: Services,
  deps: AppDependencies,
): Promise<void> {
  registerAuthentication(app, services.sessions);
  registerIdempotency(app, { db: deps.database.db, clock: deps.clock });

  await app.register(healthRoutes, { health: services.health });
  await app.register(authRoutes, {
    prefix: "/api/v1/auth",
    config: deps.config,
    clock: deps.clock,
    ...services,
  });
  await app.register(meRoutes, { prefix: "/api/v1/me", ...services });
  await app.register(twoFactorRoutes, {
    prefix: "/api/v1/me/2fa",
    ...services,
    config: deps.config,
  });
  await app.register(foodRoutes, { prefix: "/api/v1/foods", ...services });
  await app.register(customFoodRoutes, { prefix: "/api/v1/custom-foods", ...services });
  await app.register(mealRoutes, { prefix: "/api/v1/meals", ...services });
  await app.register(mealPhotoRoutes, {
    prefix: "/api/v1/meals",
    ...services,
    maxBytes: deps.config.uploads.maxBytes,
  });
  await app.register(savedMealRoutes, { prefix: "/api/v1/saved-meals", ...services });
}
