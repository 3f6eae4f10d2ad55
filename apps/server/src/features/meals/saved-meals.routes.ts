import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idSchema,
  mealSchema,
  pageQuerySchema,
  savedMealCreateSchema,
  savedMealLogSchema,
  savedMealPageSchema,
  savedMealPatchSchema,
  savedMealSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { expectedVersion, setEtag } from "../../platform/etag";
import { requireUser } from "../auth/authenticate";
import type { SavedMealsService } from "./saved-meals.service";

export interface SavedMealRouteDependencies {
  savedMeals: SavedMealsService;
}

export async function savedMealRoutes(
  app: FastifyInstance,
  deps: SavedMealRouteDependencies,
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["saved meals"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: idSchema });
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Your saved meals, newest first",
        querystring: pageQuerySchema,
        response: { 200: savedMealPageSchema },
      },
    },
    async (request) => deps.savedMeals.listSavedMeals(requireUser(request).userId, request.query),
  );

  routes.post(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Save a logged meal (mealId) or a list of items as a template",
        body: savedMealCreateSchema,
        response: { 201: savedMealSchema },
      },
    },
    async (request, reply) => {
      const saved = await deps.savedMeals.createSavedMeal(
        requireUser(request).userId,
        request.body,
      );
      setEtag(reply, saved.version);
      reply.header("location", `/api/v1/saved-meals/${saved.id}`);
      return reply.code(201).send(saved);
    },
  );

  routes.get(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "One saved meal",
        params,
        response: { 200: savedMealSchema },
      },
    },
    async (request, reply) => {
      const saved = await deps.savedMeals.getSavedMeal(
        requireUser(request).userId,
        request.params.id,
      );
      if (!saved) throw notFound(`Saved meal ${request.params.id}`);
      setEtag(reply, saved.version);
      return saved;
    },
  );

  routes.patch(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a saved meal; items, when sent, replace all items",
        params,
        body: savedMealPatchSchema,
        response: { 200: savedMealSchema },
      },
    },
    async (request, reply) => {
      const saved = await deps.savedMeals.updateSavedMeal(
        requireUser(request).userId,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      setEtag(reply, saved.version);
      return saved;
    },
  );

  routes.delete(
    "/:id",
    { schema: { tags, security, summary: "Delete a saved meal", params } },
    async (request, reply) => {
      await deps.savedMeals.deleteSavedMeal(
        requireUser(request).userId,
        request.params.id,
        expectedVersion(request),
      );
      return reply.code(204).send();
    },
  );

  routes.post(
    "/:id/log",
    {
      schema: {
        tags,
        security,
        summary: "Log a saved meal on a day",
        params,
        body: savedMealLogSchema,
        response: { 201: mealSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const meal = await deps.savedMeals.logSavedMeal(
        user.userId,
        user.timeZone,
        request.params.id,
        request.body,
      );
      setEtag(reply, meal.version);
      reply.header("location", `/api/v1/meals/${meal.id}`);
      return reply.code(201).send(meal);
    },
  );
}
