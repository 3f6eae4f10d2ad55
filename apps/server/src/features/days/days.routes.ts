import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { dayCardSchema, dayParamsSchema, dayPatchSchema } from "@fitcoach/contract";

import { expectedVersion, setEtag } from "../../platform/etag";
import { requireUser } from "../auth/authenticate";
import type { DaysService } from "./days.service";

export async function daysRoutes(app: FastifyInstance, deps: { days: DaysService }): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["days"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/:date",
    {
      schema: {
        tags,
        security,
        summary: "The daily card of a local date in the user's time zone",
        params: dayParamsSchema,
        response: { 200: dayCardSchema },
      },
    },
    async (request, reply) => {
      const card = await deps.days.getCard(requireUser(request), request.params.date);
      // The ETag covers the tags and note, the only part of the card this resource edits.
      setEtag(reply, card.version);
      return card;
    },
  );

  routes.patch(
    "/:date",
    {
      schema: {
        tags,
        security,
        summary: "Change the day's tags and markdown note (If-Match recommended)",
        params: dayParamsSchema,
        body: dayPatchSchema,
        response: { 200: dayCardSchema },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request);
      const card = await deps.days.updateDay(
        requireUser(request),
        request.params.date,
        request.body,
        expected,
      );
      setEtag(reply, card.version);
      return card;
    },
  );
}
