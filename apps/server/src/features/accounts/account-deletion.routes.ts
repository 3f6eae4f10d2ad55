import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { accountDeletionRequestSchema, accountDeletionResponseSchema } from "@fitcoach/contract";

import { requestContext } from "../../platform/request-context";
import { perAccountRateLimit, requireUser } from "../auth/authenticate";
import type { Config } from "../../platform/config";
import type { AccountDeletionService } from "./account-deletion.service";

export async function accountDeletionRoutes(
  app: FastifyInstance,
  deps: { accountDeletion: AccountDeletionService; config: Config },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  app.addHook("preValidation", app.authenticate);

  routes.delete(
    "/",
    {
      // The password in the body could otherwise be guessed with a stolen access token.
      config: perAccountRateLimit(deps.config.rateLimits.twoFactor),
      schema: {
        tags: ["me"],
        security: [{ bearer: [] }],
        summary: "Delete the account: disabled now, purged after the grace period",
        body: accountDeletionRequestSchema,
        response: { 202: accountDeletionResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await deps.accountDeletion.requestDeletion(
        requireUser(request),
        request.body.password,
        requestContext(request),
      );
      return reply.code(202).send({ deletionDueAt: result.deletionDueAt.toISOString() });
    },
  );
}
