import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  foodIdSchema,
  foodPageSchema,
  foodSchema,
  foodSearchQuerySchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { requireUser } from "../auth/authenticate";
import type { FoodsService } from "./foods.service";

export interface FoodRouteDependencies {
  foods: FoodsService;
}

export async function foodRoutes(app: FastifyInstance, deps: FoodRouteDependencies): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["foods"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Search the food catalog and your custom foods",
        querystring: foodSearchQuerySchema,
        response: { 200: foodPageSchema },
      },
    },
    async (request) => deps.foods.searchFoods(requireUser(request).userId, request.query),
  );

  routes.get(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "One catalog or custom food with its portions",
        params: z.strictObject({ id: foodIdSchema }),
        response: { 200: foodSchema },
      },
    },
    async (request) => {
      const food = await deps.foods.getFood(requireUser(request).userId, request.params.id);
      if (!food) throw notFound(`Food ${request.params.id}`);
      return food;
    },
  );
}
