import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import multipart from "@fastify/multipart";
import { idSchema, mealSchema } from "@fitcoach/contract";
import { z } from "zod";

import { notFound, problem } from "../../platform/errors";
import { expectedVersion, setEtag } from "../../platform/etag";
import { readSingleFile } from "../../platform/single-file-upload";
import { requireUser } from "../auth/authenticate";
import type { MealPhotosService } from "./meal-photos.service";

export interface MealPhotoRouteDependencies {
  mealPhotos: MealPhotosService;
  maxBytes: number;
}

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

/**
 * Photo upload, download and removal under /api/v1/meals/:id/photo. The multipart parser is
 * registered in this plugin only, so no other route accepts multipart bodies.
 */
export async function mealPhotoRoutes(
  app: FastifyInstance,
  deps: MealPhotoRouteDependencies,
): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meals"];
  const security = [{ bearer: [] }];
  const params = z.strictObject({ id: idSchema });
  await app.register(multipart, {
    limits: { fileSize: deps.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
  });
  app.addHook("preValidation", app.authenticate);

  routes.post(
    "/:id/photo",
    {
      schema: {
        tags,
        security,
        summary: "Upload the meal's photo (multipart field file: JPEG, PNG or WebP)",
        params,
        consumes: ["multipart/form-data"],
        response: { 200: mealSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const upload = await readUpload(request, deps.maxBytes);
      const meal = await deps.mealPhotos.attachPhoto(
        user.userId,
        request.params.id,
        upload,
        expectedVersion(request),
      );
      setEtag(reply, meal.version);
      return meal;
    },
  );

  routes.get(
    "/:id/photo",
    { schema: { tags, security, summary: "The meal's photo as a JPEG", params } },
    async (request, reply) => {
      const user = requireUser(request);
      const photo = await deps.mealPhotos.findPhoto(user.userId, request.params.id);
      if (!photo) throw notFound(`A photo of meal ${request.params.id}`);
      const size = await fileSize(photo.path);
      if (size === null) {
        request.log.error({ mealId: request.params.id }, "meal photo file missing");
        throw notFound(`A photo of meal ${request.params.id}`);
      }

      return reply
        .header("content-type", "image/jpeg")
        .header("content-length", String(size))
        .header("x-content-type-options", "nosniff")
        .header("content-disposition", 'inline; filename="meal.jpg"')
        .send(createReadStream(photo.path));
    },
  );

  routes.delete(
    "/:id/photo",
    {
      schema: {
        tags,
        security,
        summary: "Remove the meal's photo",
        params,
        response: { 200: mealSchema },
      },
    },
    async (request, reply) => {
      const meal = await deps.mealPhotos.removePhoto(
        requireUser(request).userId,
        request.params.id,
        expectedVersion(request),
      );
      setEtag(reply, meal.version);
      return meal;
    },
  );
}

async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  const tooLarge = `The photo is larger than ${maxBytes} bytes (${Math.round(maxBytes / 1_048_576)} MB); send a smaller one.`;
  const declaredLength = Number(request.headers["content-length"] ?? 0);
  if (declaredLength > maxBytes + MULTIPART_OVERHEAD_BYTES) {
    throw problem("payload-too-large", { detail: tooLarge });
  }
  return readSingleFile(request, tooLarge);
}

async function fileSize(filePath: string): Promise<number | null> {
  try {
    return (await stat(filePath)).size;
  } catch {
    return null;
  }
}
