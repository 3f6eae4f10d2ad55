import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  chatReplySchema,
  chatRequestSchema,
  consentSchema,
  consentUpdateSchema,
  conversationListSchema,
  conversationSchema,
  idSchema,
  mealPhotoDraftSchema,
  pageQuerySchema,
  providerCallPageSchema,
  summaryParamsSchema,
  summarySchema,
  targetsQuerySchema,
  targetsSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import type { Config } from "../../platform/config";
import { notFound } from "../../platform/errors";
import { readSingleFile } from "../../platform/single-file-upload";
import { requestContext } from "../../platform/request-context";
import { requireUser } from "../auth/authenticate";
import { acceptsEventStream, clientGoneSignal, collectReply, toEventStream } from "./chat-stream";
import type { CoachFeature } from "./coach-feature";
import { coachPlanRoutes } from "./coach-plans.routes";

const idParams = z.strictObject({ id: idSchema });

/** Routes under /api/v1/coach. Every route needs a signed-in user; data is that user's only. */
export async function coachRoutes(
  app: FastifyInstance,
  deps: { coach: CoachFeature; config: Config },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { coach } = deps;
  const tags = ["coach"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);
  await app.register(multipart, {
    limits: { fileSize: deps.config.uploads.maxBytes, files: 1, fields: 0, parts: 1 },
  });

  routes.get(
    "/targets",
    {
      schema: {
        tags,
        security,
        summary: "Daily energy, macro, fiber and water targets from the profile and goal",
        querystring: targetsQuerySchema,
        response: { 200: targetsSchema },
      },
    },
    async (request) => coach.coach.targets(requireUser(request).userId, request.query),
  );

  routes.get(
    "/summary/:date",
    {
      schema: {
        tags,
        security,
        summary: "What went well on a day, what to change, and three suggestions",
        params: summaryParamsSchema,
        response: { 200: summarySchema },
      },
    },
    async (request) => coach.coach.summary(requireUser(request), request.params.date),
  );

  routes.post(
    "/chat",
    {
      schema: {
        tags,
        security,
        summary:
          "Ask the coach; send Accept: text/event-stream to receive the reply as it is written",
        body: chatRequestSchema,
        response: { 200: chatReplySchema },
      },
    },
    async (request, reply) => {
      const signal = clientGoneSignal(reply);
      const events = await coach.chat.chat(requireUser(request), request.body, signal);
      if (!acceptsEventStream(request)) return collectReply(events);

      reply
        .header("content-type", "text/event-stream; charset=utf-8")
        .header("x-accel-buffering", "no");
      // The response schema describes the JSON reply; Fastify sends a stream without serialising it.
      return reply.send(toEventStream(events, request) as never);
    },
  );

  routes.get(
    "/conversations",
    {
      schema: {
        tags,
        security,
        summary: "The user's conversations with the coach, newest first",
        response: { 200: conversationListSchema },
      },
    },
    async (request) => ({ items: await coach.conversations.list(requireUser(request).userId) }),
  );

  routes.get(
    "/conversations/:id",
    {
      schema: {
        tags,
        security,
        summary: "One conversation with its messages",
        params: idParams,
        response: { 200: conversationSchema },
      },
    },
    async (request) => {
      const conversation = await coach.conversations.get(
        requireUser(request).userId,
        request.params.id,
      );
      if (!conversation) throw notFound(`Conversation ${request.params.id}`);
      return conversation;
    },
  );

  routes.delete(
    "/conversations/:id",
    {
      schema: { tags, security, summary: "Delete one conversation", params: idParams },
    },
    async (request, reply) => {
      const removed = await coach.conversations.remove(
        requireUser(request).userId,
        request.params.id,
      );
      if (!removed) throw notFound(`Conversation ${request.params.id}`);
      return reply.code(204).send();
    },
  );

  routes.delete(
    "/conversations",
    { schema: { tags, security, summary: "Delete every conversation: clears the coach's memory" } },
    async (request, reply) => {
      await coach.conversations.clear(requireUser(request).userId);
      return reply.code(204).send();
    },
  );

  routes.get(
    "/consent",
    {
      schema: {
        tags,
        security,
        summary: "Which data areas may be sent to the external model",
        response: { 200: consentSchema },
      },
    },
    async (request) => coach.privacy.getConsent(requireUser(request).userId),
  );

  routes.put(
    "/consent",
    {
      schema: {
        tags,
        security,
        summary: "Choose which data areas may be sent to the external model",
        body: consentUpdateSchema,
        response: { 200: consentSchema },
      },
    },
    async (request) =>
      coach.privacy.setConsent(
        requireUser(request).userId,
        request.body.areas,
        requestContext(request),
      ),
  );

  routes.get(
    "/calls",
    {
      schema: {
        tags,
        security,
        summary: "Every call to the external model made for the user, newest first",
        querystring: pageQuerySchema,
        response: { 200: providerCallPageSchema },
      },
    },
    async (request) => coach.privacy.listCalls(requireUser(request).userId, request.query),
  );

  routes.post(
    "/meal-photo",
    {
      schema: {
        tags,
        security,
        summary: "Draft a meal from a photo (multipart field `file`); needs a vision model",
        consumes: ["multipart/form-data"],
        response: { 200: mealPhotoDraftSchema },
      },
    },
    async (request) =>
      coach.mealPhoto.recognize(requireUser(request), () =>
        readSingleFile(request, "The photo is larger than the upload limit; send a smaller one."),
      ),
  );

  await app.register(coachPlanRoutes, { coach });
}
