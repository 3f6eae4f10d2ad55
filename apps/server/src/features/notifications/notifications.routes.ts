import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idSchema,
  markAllReadResponseSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  unreadCountSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { requireUser } from "../auth/authenticate";
import type { NotificationsService } from "./notifications.service";

export async function notificationsRoutes(
  app: FastifyInstance,
  deps: { notifications: NotificationsService },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["notifications"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: idSchema });
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "In-app notifications, unread first, then newest first",
        querystring: notificationListQuerySchema,
        response: { 200: notificationPageSchema },
      },
    },
    async (request) => deps.notifications.list(requireUser(request).userId, request.query),
  );

  routes.get(
    "/unread-count",
    {
      schema: {
        tags,
        security,
        summary: "Number of unread notifications, for the badge",
        response: { 200: unreadCountSchema },
      },
    },
    async (request) => ({
      count: await deps.notifications.unreadCount(requireUser(request).userId),
    }),
  );

  routes.post(
    "/:id/read",
    { schema: { tags, security, summary: "Mark one notification read", params } },
    async (request, reply) => {
      const isMarked = await deps.notifications.markRead(
        requireUser(request).userId,
        request.params.id,
      );
      if (!isMarked) throw notFound(`Notification ${request.params.id}`);
      return reply.code(204).send();
    },
  );

  routes.post(
    "/read-all",
    {
      schema: {
        tags,
        security,
        summary: "Mark every notification read",
        response: { 200: markAllReadResponseSchema },
      },
    },
    async (request) => ({
      updated: await deps.notifications.markAllRead(requireUser(request).userId),
    }),
  );

  routes.delete(
    "/:id",
    { schema: { tags, security, summary: "Delete one notification", params } },
    async (request, reply) => {
      const isRemoved = await deps.notifications.remove(
        requireUser(request).userId,
        request.params.id,
      );
      if (!isRemoved) throw notFound(`Notification ${request.params.id}`);
      return reply.code(204).send();
    },
  );
}
