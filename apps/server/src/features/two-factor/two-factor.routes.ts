import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  recoveryCodesResponseSchema,
  twoFactorConfirmRequestSchema,
  twoFactorEnableRequestSchema,
  twoFactorSetupResponseSchema,
} from "@fitcoach/contract";

import { requestContext } from "../../platform/request-context";
import { perAccountRateLimit, requireUser } from "../auth/authenticate";
import type { TwoFactorAccountService } from "./two-factor-account.service";
import type { Config } from "../../platform/config";

export async function twoFactorRoutes(
  app: FastifyInstance,
  deps: { twoFactorAccount: TwoFactorAccountService; config: Config },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["two-factor"];
  const security = [{ bearer: [] }];
  const limited = perAccountRateLimit(deps.config.rateLimits.twoFactor);
  app.addHook("preValidation", app.authenticate);

  routes.post(
    "/setup",
    {
      schema: {
        tags,
        security,
        summary: "Start 2FA setup: secret, otpauth URI and QR code",
        response: { 200: twoFactorSetupResponseSchema },
      },
    },
    async (request) => {
      return deps.twoFactorAccount.setup(requireUser(request), requestContext(request));
    },
  );

  routes.post(
    "/enable",
    {
      config: limited,
      schema: {
        tags,
        security,
        summary: "Turn 2FA on with a code from the app",
        body: twoFactorEnableRequestSchema,
        response: { 200: recoveryCodesResponseSchema },
      },
    },
    async (request) => {
      const codes = await deps.twoFactorAccount.enable(
        requireUser(request),
        request.body.code,
        requestContext(request),
      );
      return { recoveryCodes: codes };
    },
  );

  routes.post(
    "/disable",
    {
      config: limited,
      schema: { tags, security, summary: "Turn 2FA off", body: twoFactorConfirmRequestSchema },
    },
    async (request, reply) => {
      await deps.twoFactorAccount.disable(
        requireUser(request),
        request.body,
        requestContext(request),
      );
      return reply.code(204).send();
    },
  );

  routes.post(
    "/recovery-codes",
    {
      config: limited,
      schema: {
        tags,
        security,
        summary: "Replace the recovery codes",
        body: twoFactorConfirmRequestSchema,
        response: { 200: recoveryCodesResponseSchema },
      },
    },
    async (request) => {
      const codes = await deps.twoFactorAccount.replaceRecoveryCodes(
        requireUser(request),
        request.body,
        requestContext(request),
      );
      return { recoveryCodes: codes };
    },
  );
}
