import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idSchema,
  mealCreateSchema,
  mealDaySchema,
  mealListQuerySchema,
  mealPatchSchema,
  mealSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { expectedVersion, setEtag } from "../../platform/etag";
import { requireUser } from "../auth/authenticate";
import type { MealsService } from "./meals.service";

export interface MealRouteDependencies {
  meals: MealsService;
}

export async function mealRoutes(app: FastifyInstance, deps: MealRouteDependencies): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meals"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: idSchema });
  app.addHook("preValidation", app.authenticate);

  routes.post(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Log a meal; nutrients of catalog and custom foods are computed here",
        body: mealCreateSchema,
        response: { 201: mealSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const meal = await deps.meals.createMeal(user.userId, user.timeZone, request.body);
      setEtag(reply, meal.version);
      reply.header("location", `/api/v1/meals/${meal.id}`);
      return reply.code(201).send(meal);
    },
  );

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "The meals of one day with the day's totals",
        querystring: mealListQuerySchema,
        response: { 200: mealDaySchema },
      },
    },
    async (request) => {
      const day = await deps.meals.listDay(requireUser(request).userId, request.query.date);
      return { date: request.query.date, ...day };
    },
  );

  routes.get(
    "/:id",
    { schema: { tags, security, summary: "One meal", params, response: { 200: mealSchema } } },
    async (request, reply) => {
      const meal = await deps.meals.getMeal(requireUser(request).userId, request.params.id);
      if (!meal) throw notFound(`Meal ${request.params.id}`);
      setEtag(reply, meal.version);
      return meal;
    },
  );

  routes.patch(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a meal; items, when sent, replace all items",
        params,
        body: mealPatchSchema,
        response: { 200: mealSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const meal = await deps.meals.updateMeal(
        user.userId,
        user.timeZone,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      setEtag(reply, meal.version);
      return meal;
    },
  );

  routes.delete(
    "/:id",
    { schema: { tags, security, summary: "Delete a meal and its photo", params } },
    async (request, reply) => {
      await deps.meals.deleteMeal(
        requireUser(request).userId,
        request.params.id,
        expectedVersion(request),
      );
      return reply.code(204).send();
    },
  );
}
