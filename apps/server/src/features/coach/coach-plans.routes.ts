import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  idSchema,
  mealPlanAcceptSchema,
  mealPlanAcceptedSchema,
  mealPlanListSchema,
  mealPlanRequestSchema,
  mealPlanSchema,
  programFollowSchema,
  programListSchema,
  programLogSchema,
  programRequestSchema,
  programSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { notFound } from "../../platform/errors";
import { requireUser } from "../auth/authenticate";
import type { CoachFeature } from "./coach-feature";

const idParams = z.strictObject({ id: idSchema });

/** Meal plans and training programs; registered inside coachRoutes, which authenticates. */
export async function coachPlanRoutes(
  app: FastifyInstance,
  deps: { coach: CoachFeature },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { mealPlans, programs } = deps.coach;
  const tags = ["coach"];
  const security = [{ bearer: [] }];

  routes.post(
    "/meal-plans",
    {
      schema: {
        tags,
        security,
        summary: "Build a 7-day meal plan within 5 % of the targets",
        body: mealPlanRequestSchema,
        response: { 201: mealPlanSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await mealPlans.create(requireUser(request), request.body)),
  );

  routes.get(
    "/meal-plans",
    {
      schema: {
        tags,
        security,
        summary: "The user's meal plans, newest first",
        response: { 200: mealPlanListSchema },
      },
    },
    async (request) => ({ items: await mealPlans.list(requireUser(request).userId) }),
  );

  routes.get(
    "/meal-plans/:id",
    {
      schema: {
        tags,
        security,
        summary: "One meal plan",
        params: idParams,
        response: { 200: mealPlanSchema },
      },
    },
    async (request) => {
      const plan = await mealPlans.get(requireUser(request).userId, request.params.id);
      if (!plan) throw notFound(`Meal plan ${request.params.id}`);
      return plan;
    },
  );

  routes.post(
    "/meal-plans/:id/accept",
    {
      schema: {
        tags,
        security,
        summary: "Accept a meal plan and pre-fill its meals from a start date",
        params: idParams,
        body: mealPlanAcceptSchema,
        response: { 200: mealPlanAcceptedSchema },
      },
    },
    async (request) =>
      mealPlans.accept(requireUser(request), request.params.id, request.body.startDate),
  );

  routes.post(
    "/programs",
    {
      schema: {
        tags,
        security,
        summary: "Build a training program of up to 12 weeks with progression and deloads",
        body: programRequestSchema,
        response: { 201: programSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await programs.create(requireUser(request), request.body)),
  );

  routes.get(
    "/programs",
    {
      schema: {
        tags,
        security,
        summary: "The user's training programs, newest first",
        response: { 200: programListSchema },
      },
    },
    async (request) => ({ items: await programs.list(requireUser(request).userId) }),
  );

  routes.get(
    "/programs/:id",
    {
      schema: {
        tags,
        security,
        summary: "One training program with the sets logged against it",
        params: idParams,
        response: { 200: programSchema },
      },
    },
    async (request) => {
      const program = await programs.get(requireUser(request).userId, request.params.id);
      if (!program) throw notFound(`Program ${request.params.id}`);
      return program;
    },
  );

  routes.post(
    "/programs/:id/follow",
    {
      schema: {
        tags,
        security,
        summary: "Follow a program from a start date; the program followed before stops",
        params: idParams,
        body: programFollowSchema,
        response: { 200: programSchema },
      },
    },
    async (request) =>
      programs.follow(requireUser(request), request.params.id, request.body.startDate),
  );

  routes.post(
    "/programs/:id/stop",
    {
      schema: {
        tags,
        security,
        summary: "Stop following a program",
        params: idParams,
        response: { 200: programSchema },
      },
    },
    async (request) => programs.stop(requireUser(request).userId, request.params.id),
  );

  routes.post(
    "/programs/:id/logs",
    {
      schema: {
        tags,
        security,
        summary: "Log the sets of one session of the followed program",
        params: idParams,
        body: programLogSchema,
        response: { 200: programSchema },
      },
    },
    async (request) => programs.log(requireUser(request), request.params.id, request.body),
  );
}
