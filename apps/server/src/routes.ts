import type { FastifyInstance } from "fastify";

import type { AppDependencies } from "./app";
import { meRoutes } from "./features/accounts/me.routes";
import { coachRoutes } from "./features/coach/coach.routes";
import { authRoutes } from "./features/auth/auth.routes";
import { registerAuthentication } from "./features/auth/authenticate";
import { registerIdempotency } from "./platform/idempotency/idempotency";
import { healthRoutes } from "./features/health/health.routes";
import { twoFactorRoutes } from "./features/two-factor/two-factor.routes";
import { notificationsRoutes } from "./features/notifications/notifications.routes";
import { pushRoutes } from "./features/notifications/push.routes";
import { remindersRoutes } from "./features/reminders/reminders.routes";
import { unsubscribeRoutes } from "./features/reminders/unsubscribe.routes";
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
  await app.register(coachRoutes, {
    prefix: "/api/v1/coach",
    coach: services.coach,
    config: deps.config,
  });
  await app.register(twoFactorRoutes, {
    prefix: "/api/v1/me/2fa",
    ...services,
    config: deps.config,
  });
  await app.register(remindersRoutes, { prefix: "/api/v1/reminders", ...services });
  await app.register(unsubscribeRoutes, {
    prefix: "/api/v1/email",
    ...services,
    config: deps.config,
  });
  await app.register(notificationsRoutes, { prefix: "/api/v1/notifications", ...services });
  await app.register(pushRoutes, { prefix: "/api/v1/push", ...services });
}
