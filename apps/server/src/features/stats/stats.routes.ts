import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { statsParamsSchema, statsQuerySchema, statsSchema } from "@fitcoach/contract";

import { requireUser } from "../auth/authenticate";
import type { StatsService } from "./stats.service";

export async function statsRoutes(
  app: FastifyInstance,
  deps: { stats: StatsService },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/:metric",
    {
      schema: {
        tags: ["stats"],
        security: [{ bearer: [] }],
        summary: "A metric per day, week or month with its 7-day moving average and streaks",
        params: statsParamsSchema,
        querystring: statsQuerySchema,
        response: { 200: statsSchema },
      },
    },
    async (request) => deps.stats.stats(requireUser(request), request.params.metric, request.query),
  );
}
