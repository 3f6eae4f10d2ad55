import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  dateRangeQuerySchema,
  entryIdParamsSchema,
  workoutCreateSchema,
  workoutPatchSchema,
  workoutSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { expectedVersion, setEtag } from "../../platform/etag";
import { requireUser } from "../auth/authenticate";
import type { WorkoutsService } from "./workouts.service";

export async function workoutsRoutes(
  app: FastifyInstance,
  deps: { workouts: WorkoutsService },
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["workouts"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.post(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Log a workout with its exercises and sets",
        body: workoutCreateSchema,
        response: { 201: workoutSchema },
      },
    },
    async (request, reply) => {
      const workout = await deps.workouts.create(requireUser(request), request.body);
      setEtag(reply, workout.version);
      reply.header("location", `/api/v1/workouts/${workout.id}`);
      return reply.code(201).send(workout);
    },
  );

  routes.get(
    "/",
    {
      schema: {
        tags,
        security,
        summary: "Workouts between two local dates (inclusive)",
        querystring: dateRangeQuerySchema,
        response: { 200: z.object({ items: z.array(workoutSchema), hasMore: z.boolean() }) },
      },
    },
    async (request) => deps.workouts.list(requireUser(request).userId, request.query),
  );

  routes.get(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "One workout",
        params: entryIdParamsSchema,
        response: { 200: workoutSchema },
      },
    },
    async (request, reply) => {
      const workout = await deps.workouts.get(requireUser(request).userId, request.params.id);
      setEtag(reply, workout.version);
      return workout;
    },
  );

  routes.patch(
    "/:id",
    {
      schema: {
        tags,
        security,
        summary: "Edit a workout; `exercises`, when sent, replaces all sets",
        params: entryIdParamsSchema,
        body: workoutPatchSchema,
        response: { 200: workoutSchema },
      },
    },
    async (request, reply) => {
      const expected = expectedVersion(request);
      const workout = await deps.workouts.update(
        requireUser(request),
        request.params.id,
        request.body,
        expected,
      );
      setEtag(reply, workout.version);
      return workout;
    },
  );

  routes.delete(
    "/:id",
    {
      schema: { tags, security, summary: "Delete a workout", params: entryIdParamsSchema },
    },
    async (request, reply) => {
      const expected = expectedVersion(request);
      await deps.workouts.remove(requireUser(request).userId, request.params.id, expected);
      return reply.code(204).send();
    },
  );
}
