import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idSchema,
  pushPublicKeySchema,
  pushSubscriptionListSchema,
  pushSubscriptionRequestSchema,
  pushSubscriptionSchema,
  pushTestResponseSchema,
  pushUnsubscribeRequestSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { parseRateLimit } from "../../platform/rate-limit-rule";
import { rateLimitFor } from "../../platform/rate-limit";
import { requestContext } from "../../platform/request-context";
import { requireUser, userRateLimitKey } from "../auth/authenticate";
import type { PushService } from "./push.service";

// Test pushes reach third-party push services, so one account cannot use them to spam them.
const TEST_PUSH_LIMIT = parseRateLimit("10/hour")!;

export async function pushRoutes(app: FastifyInstance, deps: { push: PushService }): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["push"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/public-key",
    {
      schema: {
        tags,
        security,
        summary: "VAPID public key for pushManager.subscribe",
        response: { 200: pushPublicKeySchema },
      },
    },
    async () => ({ publicKey: await deps.push.publicKey() }),
  );

  routes.get(
    "/subscriptions",
    {
      schema: {
        tags,
        security,
        summary: "Devices that receive push notifications",
        response: { 200: pushSubscriptionListSchema },
      },
    },
    async (request) => ({ items: await deps.push.listSubscriptions(requireUser(request).userId) }),
  );

  routes.post(
    "/subscriptions",
    {
      schema: {
        tags,
        security,
        summary: "Register this browser for push notifications",
        body: pushSubscriptionRequestSchema,
        response: { 201: pushSubscriptionSchema },
      },
    },
    async (request, reply) => {
      const subscription = await deps.push.subscribe(
        requireUser(request).userId,
        request.body,
        requestContext(request).userAgent,
      );
      return reply.code(201).send(subscription);
    },
  );

  routes.delete(
    "/subscriptions",
    {
      schema: {
        tags,
        security,
        summary: "Stop push notifications to this browser",
        body: pushUnsubscribeRequestSchema,
      },
    },
    async (request, reply) => {
      const isRemoved = await deps.push.unsubscribe(
        requireUser(request).userId,
        request.body.endpoint,
      );
      if (!isRemoved) throw notFound("A push subscription with this endpoint");
      return reply.code(204).send();
    },
  );

  routes.delete(
    "/subscriptions/:id",
    {
      schema: {
        tags,
        security,
        summary: "Stop push notifications to another device",
        params: z.strictObject({ id: idSchema }),
      },
    },
    async (request, reply) => {
      const isRemoved = await deps.push.removeSubscription(
        requireUser(request).userId,
        request.params.id,
      );
      if (!isRemoved) throw notFound(`Push subscription ${request.params.id}`);
      return reply.code(204).send();
    },
  );

  routes.post(
    "/test",
    {
      config: {
        rateLimit: {
          ...rateLimitFor(TEST_PUSH_LIMIT).rateLimit,
          keyGenerator: userRateLimitKey,
          hook: "preHandler" as const,
        },
      },
      schema: {
        tags,
        security,
        summary: "Send a test notification to every device of the account",
        response: { 200: pushTestResponseSchema },
      },
    },
    async (request) => deps.push.sendTest(requireUser(request).userId),
  );
}
