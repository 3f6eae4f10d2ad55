import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  acceptedResponseSchema,
  auditPageSchema,
  emailChangeRequestSchema,
  idSchema,
  meSchema,
  mePatchSchema,
  pageQuerySchema,
  sessionListSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { problem } from "../../platform/errors";
import { requestContext } from "../../platform/request-context";
import type { AuditService } from "../audit/audit.service";
import { perAccountRateLimit, requireUser } from "../auth/authenticate";
import type { Config } from "../../platform/config";
import type { CredentialsService } from "../auth/credentials.service";
import type { SessionsService } from "../auth/sessions.service";
import type { AccountsService } from "./accounts.service";

export interface MeRouteDependencies {
  config: Config;
  accounts: AccountsService;
  credentials: CredentialsService;
  sessions: SessionsService;
  audit: AuditService;
}

export async function meRoutes(app: FastifyInstance, deps: MeRouteDependencies): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["me"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    { schema: { tags, security, summary: "The signed-in account", response: { 200: meSchema } } },
    async (request) => deps.accounts.getMe(requireUser(request).userId),
  );

  routes.patch(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Change profile settings",
        body: mePatchSchema,
        response: { 200: meSchema },
      },
    },
    async (request) => deps.accounts.updateProfile(requireUser(request).userId, request.body),
  );

  routes.post(
    "/email",
    {
      config: perAccountRateLimit(deps.config.rateLimits.twoFactor),
      schema: {
        tags,
        security,
        summary: "Start an email address change",
        body: emailChangeRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      deps.credentials.assertVerifiedEmail(user, "change it");
      await deps.credentials.requestEmailChange(user, request.body, requestContext(request));
      return reply.code(202).send({ message: "Check the new address for a confirmation link." });
    },
  );

  routes.get(
    "/sessions",
    {
      schema: {
        tags,
        security,
        summary: "Active sessions of the account",
        response: { 200: sessionListSchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { items: await deps.sessions.listSessions(user.userId, user.sessionId) };
    },
  );

  routes.delete(
    "/sessions/:id",
    {
      schema: {
        tags,
        security,
        summary: "End one session",
        params: z.strictObject({ id: idSchema }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const revoked = await deps.sessions.revokeSession(
        app.deps.database.db,
        user.userId,
        request.params.id,
        "revoked-by-user",
      );
      if (!revoked)
        throw problem("not-found", {
          detail: `No active session ${request.params.id} for this account.`,
        });
      await deps.audit.record(app.deps.database.db, {
        event: "auth.session.revoked",
        userId: user.userId,
        context: requestContext(request),
        metadata: { sessionId: request.params.id },
      });
      return reply.code(204).send();
    },
  );

  routes.get(
    "/audit",
    {
      schema: {
        tags,
        security,
        summary: "Security events of the account, newest first",
        querystring: pageQuerySchema,
        response: { 200: auditPageSchema },
      },
    },
    async (request) => deps.audit.listForUser(requireUser(request).userId, request.query),
  );
}
