import type { FastifyInstance } from "fastify";

import type { AppDependencies } from "./app";
import { meRoutes } from "./features/accounts/me.routes";
import { coachRoutes } from "./features/coach/coach.routes";
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
import { notificationsRoutes } from "./features/notifications/notifications.routes";
import { pushRoutes } from "./features/notifications/push.routes";
import { remindersRoutes } from "./features/reminders/reminders.routes";
import { unsubscribeRoutes } from "./features/reminders/unsubscribe.routes";
import type { Services } from "./services";
import {
  bodyCreateSchema,
  bodyEntrySchema,
  bodyPatchSchema,
  moodCreateSchema,
  moodEntrySchema,
  moodPatchSchema,
  sleepCreateSchema,
  sleepEntrySchema,
  sleepPatchSchema,
  stepsCreateSchema,
  stepsEntrySchema,
  stepsPatchSchema,
  waterCreateSchema,
  waterEntrySchema,
  waterPatchSchema,
} from "@fitcoach/contract";
import { accountDeletionRoutes } from "./features/accounts/account-deletion.routes";
import { dataTransferRoutes } from "./features/data-transfer/data-transfer.routes";
import { daysRoutes } from "./features/days/days.routes";
import { registerEntryRoutes } from "./features/entries/entry-routes";
import { exercisesRoutes } from "./features/exercises/exercises.routes";
import { goalsRoutes } from "./features/goals/goals.routes";
import { statsRoutes } from "./features/stats/stats.routes";
import { workoutsRoutes } from "./features/workouts/workouts.routes";

export async function registerFeatureRoutes(
  app: FastifyInstance,
  services: Services,
  deps: AppDependencies,
): Promise<void> {
  registerAuthentication(app, services.sessions);
  registerIdempotency(app, {
    db: deps.database.db,
    clock: deps.clock,
    secretKey: deps.config.secretKey,
  });

  await app.register(healthRoutes, { health: services.health });
  await app.register(authRoutes, {
    prefix: "/api/v1/auth",
    config: deps.config,
    clock: deps.clock,
    ...services,
  });
  await app.register(meRoutes, { prefix: "/api/v1/me", ...services, config: deps.config });
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

  await app.register(accountDeletionRoutes, {
    prefix: "/api/v1/me",
    ...services,
    config: deps.config,
  });
  await app.register(dataTransferRoutes, {
    prefix: "/api/v1/me",
    ...services,
    config: deps.config,
  });
  await app.register(exercisesRoutes, { prefix: "/api/v1/exercises", ...services });
  await app.register(workoutsRoutes, { prefix: "/api/v1/workouts", ...services });
  await registerEntryRoutes(app, {
    prefix: "/api/v1/water",
    tag: "water",
    noun: "water entries",
    service: services.water,
    schemas: { create: waterCreateSchema, patch: waterPatchSchema, entry: waterEntrySchema },
  });
  await registerEntryRoutes(app, {
    prefix: "/api/v1/sleep",
    tag: "sleep",
    noun: "nights of sleep",
    service: services.sleep,
    schemas: { create: sleepCreateSchema, patch: sleepPatchSchema, entry: sleepEntrySchema },
  });
  await registerEntryRoutes(app, {
    prefix: "/api/v1/mood",
    tag: "mood",
    noun: "mood entries",
    service: services.mood,
    schemas: { create: moodCreateSchema, patch: moodPatchSchema, entry: moodEntrySchema },
  });
  await registerEntryRoutes(app, {
    prefix: "/api/v1/body",
    tag: "body",
    noun: "body measurements",
    service: services.body,
    schemas: { create: bodyCreateSchema, patch: bodyPatchSchema, entry: bodyEntrySchema },
  });
  await registerEntryRoutes(app, {
    prefix: "/api/v1/steps",
    tag: "steps",
    noun: "step counts",
    service: services.steps,
    schemas: { create: stepsCreateSchema, patch: stepsPatchSchema, entry: stepsEntrySchema },
  });
  await app.register(goalsRoutes, {
    prefix: "/api/v1/goals",
    ...services,
    db: deps.database.db,
  });
  await app.register(daysRoutes, { prefix: "/api/v1/days", ...services });
  await app.register(statsRoutes, { prefix: "/api/v1/stats", ...services });
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
