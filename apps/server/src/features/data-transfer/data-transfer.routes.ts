import type { FastifyInstance } from "fastify";
import multipart from "@fastify/multipart";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  entryIdParamsSchema,
  exportQuerySchema,
  importFieldsSchema,
  importJobSchema,
} from "@fitcoach/contract";
import { z } from "zod";

import { ConcurrencyLimit } from "../../platform/concurrency-limit";
import type { Config } from "../../platform/config";
import { problem } from "../../platform/errors";
import { requestContext } from "../../platform/request-context";
import { perAccountRateLimit, requireUser } from "../auth/authenticate";
import type { CredentialsService } from "../auth/credentials.service";
import type { DataTransferService } from "./data-transfer.service";

/**
 * Exports built at once per process. An export keeps the account's whole history in memory and
 * serialises it on the main thread, so parallel exports of large accounts would stall every other
 * request. Later exports wait, and those beyond the queue get 503.
 */
const EXPORTS_RUNNING_MAX = 1;
const EXPORTS_WAITING_MAX = 4;
const EXPORT_RETRY_AFTER_SECONDS = 10;
const exportSlots = new ConcurrencyLimit(EXPORTS_RUNNING_MAX, EXPORTS_WAITING_MAX);

const FORM_FIELDS_MAX = 10;
const FORM_FIELD_MAX_BYTES = 1_000;

export async function dataTransferRoutes(
  app: FastifyInstance,
  deps: { dataTransfer: DataTransferService; credentials: CredentialsService; config: Config },
): Promise<void> {
  // Registered inside this plugin, so the import's size limit applies to its routes only.
  await app.register(multipart, {
    limits: {
      fileSize: deps.config.uploads.importMaxBytes,
      files: 1,
      fields: FORM_FIELDS_MAX,
      fieldSize: FORM_FIELD_MAX_BYTES,
      parts: FORM_FIELDS_MAX + 1,
    },
    throwFileSizeLimit: true,
  });
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["data"];
  const security = [{ bearer: [] }];
  app.addHook("preValidation", app.authenticate);

  routes.get(
    "/export",
    {
      schema: {
        tags,
        security,
        summary: "Download everything the account owns: JSON, or a zip of CSV files",
        querystring: exportQuerySchema,
      },
      config: perAccountRateLimit(deps.config.rateLimits.export),
    },
    async (request, reply) => {
      const user = requireUser(request);
      deps.credentials.assertVerifiedEmail(user, "export your data");
      deps.credentials.assertRecentAuthentication(user);

      const format = request.query.format;
      const built = await exportSlots.run(async () => {
        const document = await deps.dataTransfer.exportDocument(
          user.userId,
          requestContext(request),
          format,
        );
        const body =
          format === "csv"
            ? Buffer.from(deps.dataTransfer.exportZip(document))
            : JSON.stringify(document);
        return { day: document.exportedAt.slice(0, 10), body };
      });
      if (built === null) {
        throw problem("service-unavailable", {
          detail: `The server is building other exports; try again in ${EXPORT_RETRY_AFTER_SECONDS} seconds.`,
          headers: { "retry-after": String(EXPORT_RETRY_AFTER_SECONDS) },
        });
      }
      const extension = format === "csv" ? "zip" : "json";
      return reply
        .type(format === "csv" ? "application/zip" : "application/json; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="fitcoach-export-${built.day}.${extension}"`,
        )
        .send(built.body);
    },
  );

  routes.post(
    "/import",
    {
      schema: {
        tags,
        security,
        summary:
          "Upload a FitCoach, Strong or Hevy export (multipart: file, format, unit, timeZone)",
        consumes: ["multipart/form-data"],
        response: { 202: importJobSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!request.isMultipart()) {
        throw problem("unsupported-media-type", {
          detail: "Send the file as multipart/form-data in a field named file.",
        });
      }

      const fields: Record<string, string> = {};
      let file: Buffer | null = null;
      for await (const part of request.parts()) {
        if (part.type === "file") {
          if (part.fieldname !== "file") {
            throw problem("validation-failed", {
              detail: "Send the file in a field named file.",
              errors: [{ field: part.fieldname, message: "is not an accepted file field" }],
            });
          }
          file = await part.toBuffer();
        } else {
          fields[part.fieldname] = String(part.value);
        }
      }
      if (!file || file.length === 0) {
        throw problem("validation-failed", {
          detail: "The request has no file; send it in a field named file.",
          errors: [{ field: "file", message: "is missing" }],
        });
      }
      const parsed = importFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        throw problem("validation-failed", {
          detail: "The form fields of the import are invalid.",
          errors: parsed.error.issues.map((issue) => ({
            field: issue.path.join(".") || "form",
            message: issue.message,
          })),
        });
      }

      const job = await deps.dataTransfer.startImport(user.userId, file, parsed.data);
      reply.header("location", `/api/v1/me/imports/${job.id}`);
      return reply.code(202).send(job);
    },
  );

  routes.get(
    "/imports",
    {
      schema: {
        tags,
        security,
        summary: "The account's latest imports, newest first",
        response: { 200: z.object({ items: z.array(importJobSchema) }) },
      },
    },
    async (request) => ({
      items: await deps.dataTransfer.listImports(requireUser(request).userId),
    }),
  );

  routes.get(
    "/imports/:id",
    {
      schema: {
        tags,
        security,
        summary: "State and progress of one import",
        params: entryIdParamsSchema,
        response: { 200: importJobSchema },
      },
    },
    async (request) => deps.dataTransfer.getImport(requireUser(request).userId, request.params.id),
  );
}
