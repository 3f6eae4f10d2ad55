import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  exerciseIdSchema,
  exercisePageSchema,
  exerciseRecordsSchema,
  exerciseSchema,
  exerciseSearchQuerySchema,
  previousPerformanceQuerySchema,
  previousPerformanceSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { addDays, todayIn } from "../../platform/local-date";
import { requireUser } from "../auth/authenticate";
import type { WorkoutsService } from "../workouts/workouts.service";
import type { ExercisesService } from "./exercises.service";

export async function exercisesRoutes(
  app: FastifyInstance,
  deps: { exercises: ExercisesService; workouts: WorkoutsService },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["exercises"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: exerciseIdSchema });
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Search the exercise catalog by name, muscle and equipment",
        querystring: exerciseSearchQuerySchema,
        response: { 200: exercisePageSchema },
      },
    },
    async (request) => deps.exercises.search(request.query),
  );

  routes.get(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "One exercise with its instructions",
        params,
        response: { 200: exerciseSchema },
      },
    },
    async (request) => deps.exercises.get(request.params.id),
  );

  routes.get(
    "/:id/records",
    {
      schema: {
        tags,
        security,
        summary: "Personal records and best estimated one-rep max of an exercise",
        params,
        response: { 200: exerciseRecordsSchema },
      },
    },
    async (request) => {
      await deps.exercises.get(request.params.id);
      return deps.workouts.records(requireUser(request).userId, request.params.id);
    },
  );

  routes.get(
    "/:id/previous",
    {
      schema: {
        tags,
        security,
        summary: "Sets of the exercise in the latest workout before a date",
        params,
        querystring: previousPerformanceQuerySchema,
        response: { 200: previousPerformanceSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await deps.exercises.get(request.params.id);
      const before =
        request.query.before ?? addDays(todayIn(user.timeZone, app.deps.clock.now()), 1);
      return deps.workouts.previousPerformance(user.userId, request.params.id, before);
    },
  );
}
