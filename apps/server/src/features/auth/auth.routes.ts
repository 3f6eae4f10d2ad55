import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  acceptedResponseSchema,
  DEVICE_COOKIE,
  emailRequestSchema,
  loginRequestSchema,
  loginResponseSchema,
  loginSecondFactorRequestSchema,
  passwordChangeRequestSchema,
  passwordResetRequestSchema,
  reauthenticateRequestSchema,
  REFRESH_COOKIE,
  refreshRequestSchema,
  registerRequestSchema,
  tokenRequestSchema,
  tokenResponseSchema,
  verifyEmailResponseSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import type { Config } from "../../platform/config";
import type { Clock } from "../../platform/clock";
import { problem } from "../../platform/errors";
import { rateLimitFor } from "../../platform/rate-limit";
import { requestContext } from "../../platform/request-context";
import type { AccountRecoveryService } from "./account-recovery.service";
import {
  assertSameSiteWebRequest,
  clearRefreshCookie,
  clientTypeOf,
  setDeviceCookie,
  setRefreshCookie,
} from "./auth-cookies";
import { perAccountRateLimit, requireUser } from "./authenticate";
import type { CredentialsService } from "./credentials.service";
import type { LoginResult, LoginService } from "./login.service";
import type { LoginCompletion } from "./login-completion";
import { describeDevice } from "./device-label";
import type { IssuedTokens, SessionsService } from "./sessions.service";

export interface AuthRouteDependencies {
  config: Config;
  clock: Clock;
  login: LoginService;
  recovery: AccountRecoveryService;
  loginCompletion: LoginCompletion;
  credentials: CredentialsService;
  sessions: SessionsService;
}

/** Response body of register, resend and forgot, identical whether or not the account exists. */
const ACCEPTED = {
  message: "If the address can be used, a mail with the next step is on its way. Check your inbox.",
};

export async function authRoutes(app: FastifyInstance, deps: AuthRouteDependencies): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = deps;
  const tags = ["auth"];

  function sendTokens(
    request: FastifyRequest,
    reply: FastifyReply,
    tokens: IssuedTokens,
    deviceToken?: string,
  ) {
    const body: z.infer<typeof tokenResponseSchema> = {
      accessToken: tokens.accessToken,
      tokenType: "Bearer",
      expiresIn: tokens.expiresInSeconds,
    };
    if (clientTypeOf(request) === "native") {
      body.refreshToken = tokens.refreshToken;
      if (deviceToken) body.deviceToken = deviceToken;
    } else {
      setRefreshCookie(
        reply,
        config,
        tokens.refreshToken,
        tokens.refreshExpiresAt,
        deps.clock.now(),
      );
      if (deviceToken) setDeviceCookie(reply, config, deviceToken);
    }
    return body;
  }

  function sendLoginResult(request: FastifyRequest, reply: FastifyReply, result: LoginResult) {
    if (result.kind === "mfa") {
      return {
        mfaRequired: true as const,
        mfaToken: result.mfaToken,
        expiresIn: result.expiresInSeconds,
      };
    }
    return sendTokens(request, reply, result.tokens, result.deviceToken);
  }

  // A browser that opened a reset or unlock link has proven it reads the account's mail, so it
  // becomes a known device: brute-force locks on the account cannot keep it out afterwards.
  async function trustThisBrowser(
    request: FastifyRequest,
    reply: FastifyReply,
    userId: string,
  ): Promise<void> {
    if (clientTypeOf(request) !== "web") return;
    const label = describeDevice(undefined, requestContext(request).userAgent, "web");
    setDeviceCookie(reply, config, await deps.loginCompletion.trustDevice(userId, label));
  }

  // The refresh token comes from the body for native apps and from the cookie for browsers.
  function presentedRefreshToken(
    request: FastifyRequest,
    bodyToken: string | undefined,
  ): string | null {
    if (clientTypeOf(request) === "native") return bodyToken ?? null;
    assertSameSiteWebRequest(request, config);
    return request.cookies[REFRESH_COOKIE] ?? null;
  }

  routes.post(
    "/register",
    {
      config: rateLimitFor(config.rateLimits.register),
      schema: {
        tags,
        summary: "Create an account",
        body: registerRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await deps.recovery.register(request.body, requestContext(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  routes.post(
    "/verify-email",
    {
      schema: {
        tags,
        summary: "Confirm an email address",
        body: tokenRequestSchema,
        response: { 200: verifyEmailResponseSchema },
      },
    },
    async (request) => {
      await deps.recovery.verifyEmail(request.body.token, requestContext(request));
      return { emailVerified: true as const };
    },
  );

  routes.post(
    "/verify-email/resend",
    {
      config: rateLimitFor(config.rateLimits.passwordReset),
      schema: {
        tags,
        summary: "Send the confirmation mail again",
        body: emailRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await deps.recovery.requestVerificationMail(request.body.email, requestContext(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  routes.post(
    "/login",
    {
      config: rateLimitFor(config.rateLimits.login),
      schema: {
        tags,
        summary: "Log in with email and password",
        body: loginRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const type = clientTypeOf(request);
      const result = await deps.login.login(
        { email: request.body.email, password: request.body.password },
        {
          type,
          deviceName: request.body.deviceName,
          deviceToken:
            type === "native" ? request.body.deviceToken : request.cookies[DEVICE_COOKIE],
          context: requestContext(request),
        },
      );
      return sendLoginResult(request, reply, result);
    },
  );

  routes.post(
    "/login/2fa",
    {
      config: rateLimitFor(config.rateLimits.twoFactor),
      schema: {
        tags,
        summary: "Finish a login with a 2FA code",
        body: loginSecondFactorRequestSchema,
        response: { 200: loginResponseSchema },
      },
    },
    async (request, reply) => {
      const { mfaToken, code, recoveryCode } = request.body;
      const factor = code !== undefined ? { code } : { recoveryCode: recoveryCode! };
      const result = await deps.login.completeSecondFactor(
        { mfaToken, factor },
        { type: clientTypeOf(request), context: requestContext(request) },
      );
      return sendLoginResult(request, reply, result);
    },
  );

  routes.post(
    "/refresh",
    {
      schema: {
        tags,
        summary: "Rotate the refresh token",
        body: refreshRequestSchema,
        response: { 200: tokenResponseSchema },
      },
    },
    async (request, reply) => {
      const token = presentedRefreshToken(request, request.body?.refreshToken);
      if (!token)
        throw problem("session-expired", { detail: "No refresh token was sent; log in again." });
      try {
        const tokens = await deps.sessions.refresh(token, requestContext(request));
        return sendTokens(request, reply, tokens);
      } catch (error) {
        if (
          (error as { code?: string }).code === "session-expired" &&
          clientTypeOf(request) === "web"
        ) {
          clearRefreshCookie(reply, config);
        }
        throw error;
      }
    },
  );

  routes.post(
    "/logout",
    { schema: { tags, summary: "End the current session", body: refreshRequestSchema } },
    async (request, reply) => {
      const token = presentedRefreshToken(request, request.body?.refreshToken);
      const header = request.headers.authorization;
      await deps.sessions.logout(
        { refreshToken: token, authorization: header ?? null },
        requestContext(request),
      );
      if (clientTypeOf(request) === "web") clearRefreshCookie(reply, config);
      return reply.code(204).send();
    },
  );

  routes.post(
    "/logout-all",
    {
      preValidation: app.authenticate,
      schema: { tags, summary: "End every session of the account", security: [{ bearer: [] }] },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await deps.sessions.logoutEverywhere(user.userId, requestContext(request));
      if (clientTypeOf(request) === "web") clearRefreshCookie(reply, config);
      return reply.code(204).send();
    },
  );

  routes.post(
    "/password/forgot",
    {
      config: rateLimitFor(config.rateLimits.passwordReset),
      schema: {
        tags,
        summary: "Mail a password reset link",
        body: emailRequestSchema,
        response: { 202: acceptedResponseSchema },
      },
    },
    async (request, reply) => {
      await deps.recovery.requestPasswordReset(request.body.email, requestContext(request));
      return reply.code(202).send(ACCEPTED);
    },
  );

  routes.post(
    "/password/reset",
    {
      config: rateLimitFor(config.rateLimits.passwordReset),
      schema: {
        tags,
        summary: "Set a new password from a reset link",
        body: passwordResetRequestSchema,
      },
    },
    async (request, reply) => {
      const userId = await deps.recovery.resetPassword(
        request.body.token,
        request.body.password,
        requestContext(request),
      );
      await trustThisBrowser(request, reply, userId);
      return reply.code(204).send();
    },
  );

  routes.post(
    "/password/change",
    {
      preValidation: app.authenticate,
      config: perAccountRateLimit(config.rateLimits.twoFactor),
      schema: {
        tags,
        summary: "Change the password",
        body: passwordChangeRequestSchema,
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      await deps.credentials.changePassword(
        requireUser(request),
        request.body,
        requestContext(request),
      );
      return reply.code(204).send();
    },
  );

  routes.post(
    "/reauthenticate",
    {
      preValidation: app.authenticate,
      config: perAccountRateLimit(config.rateLimits.twoFactor),
      schema: {
        tags,
        summary: "Confirm the password or a 2FA code for sensitive actions",
        body: reauthenticateRequestSchema,
        security: [{ bearer: [] }],
      },
    },
    async (request, reply) => {
      await deps.credentials.reauthenticate(
        requireUser(request),
        request.body,
        requestContext(request),
      );
      return reply.code(204).send();
    },
  );

  routes.post(
    "/unlock",
    {
      config: rateLimitFor(config.rateLimits.passwordReset),
      schema: { tags, summary: "Unlock an account from the mailed link", body: tokenRequestSchema },
    },
    async (request, reply) => {
      const userId = await deps.recovery.unlock(request.body.token, requestContext(request));
      await trustThisBrowser(request, reply, userId);
      return reply.code(204).send();
    },
  );

  routes.post(
    "/confirm-email",
    {
      schema: {
        tags,
        summary: "Confirm a new email address",
        body: tokenRequestSchema,
        response: { 200: z.object({ email: z.string() }) },
      },
    },
    async (request) =>
      deps.credentials.confirmEmailChange(request.body.token, requestContext(request)),
  );
}
