import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  customFoodCreateSchema,
  customFoodPageSchema,
  customFoodPatchSchema,
  customFoodSchema,
  idSchema,
  pageQuerySchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { expectedVersion, setEtag } from "../../platform/etag";
import { requireUser } from "../auth/authenticate";
import type { CustomFoodsService } from "./custom-foods.service";

export interface CustomFoodRouteDependencies {
  customFoods: CustomFoodsService;
}

export async function customFoodRoutes(
  app: FastifyInstance,
  deps: CustomFoodRouteDependencies,
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["custom foods"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: idSchema });
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Your custom foods, newest first",
        querystring: pageQuerySchema,
        response: { 200: customFoodPageSchema },
      },
    },
    async (request) => deps.customFoods.listCustomFoods(requireUser(request).userId, request.query),
  );

  routes.post(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Create a custom food",
        body: customFoodCreateSchema,
        response: { 201: customFoodSchema },
      },
    },
    async (request, reply) => {
      const food = await deps.customFoods.createCustomFood(
        requireUser(request).userId,
        request.body,
      );
      setEtag(reply, food.version);
      reply.header("location", `/api/v1/custom-foods/${food.id}`);
      return reply.code(201).send(food);
    },
  );

  routes.get(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "One custom food",
        params,
        response: { 200: customFoodSchema },
      },
    },
    async (request, reply) => {
      const food = await deps.customFoods.getCustomFood(
        requireUser(request).userId,
        request.params.id,
      );
      if (!food) throw notFound(`Custom food ${request.params.id}`);
      setEtag(reply, food.version);
      return food;
    },
  );

  routes.patch(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "Change a custom food (If-Match guards against lost updates)",
        params,
        body: customFoodPatchSchema,
        response: { 200: customFoodSchema },
      },
    },
    async (request, reply) => {
      const food = await deps.customFoods.updateCustomFood(
        requireUser(request).userId,
        request.params.id,
        request.body,
        expectedVersion(request),
      );
      setEtag(reply, food.version);
      return food;
    },
  );

  routes.delete(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "Delete a custom food; meals that used it keep their values",
        params,
      },
    },
    async (request, reply) => {
      await deps.customFoods.deleteCustomFood(
        requireUser(request).userId,
        request.params.id,
        expectedVersion(request),
      );
      return reply.code(204).send();
    },
  );
}
