import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { dateRangeQuerySchema, entryIdParamsSchema } from "@fitcoach/contract";
import { z } from "zod";

import { requireUser } from "../auth/authenticate";
import { expectedVersion, setEtag } from "../../platform/etag";
import type { EntryService } from "./entry-service";

export interface EntryRouteOptions<View extends { id: string; version: number }, Create, Patch> {
  /** Path of the collection, such as /api/v1/water. */
  prefix: string;
  tag: string;
  /** Plural noun for summaries, such as "water entries". */
  noun: string;
  service: EntryService<unknown, View, Create, Patch>;
  schemas: { create: z.ZodType<Create>; patch: z.ZodType<Patch>; entry: z.ZodType<View> };
}

/**
 * Registers POST, GET (list by date range), GET/PATCH/DELETE by id for one kind of entry. Edits
 * and deletes honour If-Match; every response with one entry carries its ETag.
 */
export async function registerEntryRoutes<
  View extends { id: string; version: number },
  Create,
  Patch,
>(app: FastifyInstance, options: EntryRouteOptions<View, Create, Patch>): Promise<void> {
  const { service, schemas, noun } = options;
  // Generic views cannot be matched against the schema's type at compile time; the response
  // schema still checks every body at run time.
  const entrySchema = schemas.entry as z.ZodType<unknown>;

  await app.register(
    async (scope) => {
      const routes = scope.withTypeProvider<ZodTypeProvider>();
      const tags = [options.tag];
      const security = [{ bearer: [] }];
      scope.addHook("preValidation", scope.authenticate);

      routes.post(
        "/",
        {
          schema: {
            tags,
            security,
            summary: `Log one of the ${noun}`,
            body: schemas.create,
            response: { 201: entrySchema },
          },
        },
        async (request, reply) => {
          const user = requireUser(request);
          const view = await service.create(user, request.body as Create);
          setEtag(reply, view.version);
          reply.header("location", `${options.prefix}/${view.id}`);
          return reply.code(201).send(view);
        },
      );

      routes.get(
        "/",
        {
          schema: {
            tags,
            security,
            summary: `List ${noun} between two local dates (inclusive)`,
            querystring: dateRangeQuerySchema,
            response: { 200: z.object({ items: z.array(entrySchema), hasMore: z.boolean() }) },
          },
        },
        async (request) => service.list(requireUser(request).userId, request.query),
      );

      routes.get(
        "/:id",
        {
          schema: {
            tags,
            security,
            summary: `One of the ${noun}`,
            params: entryIdParamsSchema,
            response: { 200: entrySchema },
          },
        },
        async (request, reply) => {
          const view = await service.get(requireUser(request).userId, request.params.id);
          setEtag(reply, view.version);
          return reply.send(view);
        },
      );

      routes.patch(
        "/:id",
        {
          schema: {
            tags,
            security,
            summary: `Edit one of the ${noun} (If-Match recommended)`,
            params: entryIdParamsSchema,
            body: schemas.patch,
            response: { 200: entrySchema },
          },
        },
        async (request, reply) => {
          const expected = expectedVersion(request);
          const view = await service.update(
            requireUser(request),
            request.params.id,
            request.body as Patch,
            expected,
          );
          setEtag(reply, view.version);
          return reply.send(view);
        },
      );

      routes.delete(
        "/:id",
        {
          schema: {
            tags,
            security,
            summary: `Delete one of the ${noun} (If-Match recommended)`,
            params: entryIdParamsSchema,
          },
        },
        async (request, reply) => {
          const expected = expectedVersion(request);
          await service.remove(requireUser(request).userId, request.params.id, expected);
          return reply.code(204).send();
        },
      );
    },
    { prefix: options.prefix },
  );
}
