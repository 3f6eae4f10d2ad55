import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { FieldError } from "@fitcoach/contract";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

import { ProblemError, problem } from "./errors";
import type { AllowedMethods } from "./route-index";
import { sendWebApp, wantsWebApp } from "./web-app";

const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/**
 * Installs the one error handler and the not-found handler. Every failure leaves as an RFC 9457
 * problem document; 4xx bodies depend only on the request, so equal situations give byte-equal
 * bodies, and a 500 carries nothing but the request id.
 */
export function installErrorHandling(
  app: FastifyInstance,
  allowedMethods: AllowedMethods,
  options: { servesWebApp: boolean },
): void {
  app.setErrorHandler(function handleError(error: FastifyError, request, reply) {
    const known = toProblem(error);
    if (known) {
      if (databaseErrorCode(error)) {
        // The database caught what validation should have; worth an operator's look.
        request.log.warn({ err: error, problem: known.code }, "database rejected request data");
      } else {
        request.log.info({ problem: known.code, status: known.status }, "request rejected");
      }
      sendProblem(reply, known);
      return;
    }

    request.log.error({ err: error }, "request failed");
    sendInternalError(request, reply);
  });

  app.setNotFoundHandler(function handleNotFound(request, reply) {
    if (options.servesWebApp && wantsWebApp(request)) {
      // Client-side routes such as /today or /reset-password are deep links into the web app.
      return sendWebApp(reply);
    }

    const path = request.url.split("?")[0] ?? "/";
    const methods = allowedMethods(path);
    if (methods.length > 0) {
      reply.header("allow", methods.join(", "));
      sendProblem(
        reply,
        problem("method-not-allowed", {
          detail: `${request.method} is not allowed here; use ${methods.join(", ")}.`,
        }),
      );
      return;
    }
    sendProblem(reply, problem("not-found", { detail: "No route matches this method and path." }));
  });
}

export function sendProblem(reply: FastifyReply, error: ProblemError): void {
  for (const [name, value] of Object.entries(error.options.headers ?? {})) {
    reply.header(name, value);
  }
  reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(error.toDocument()));
}

function sendInternalError(request: FastifyRequest, reply: FastifyReply): void {
  const body = {
    type: "/problems/internal-error",
    title: "Internal server error",
    status: 500,
    detail: "The server failed to process the request. Quote the request id when reporting it.",
    requestId: String(request.id),
  };
  reply.code(500).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Most field errors one problem document lists. */
const VALIDATION_ERRORS_SHOWN_MAX = 20;

function toProblem(error: FastifyError): ProblemError | null {
  if (error instanceof ProblemError) return error;

  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext ?? "body";
    const errors = error.validation.flatMap((item) => toFieldErrors(context, item));
    // The first errors are enough to fix the request. Listing thousands of unknown fields
    // would make the response huge.
    const listedErrors = errors.slice(0, VALIDATION_ERRORS_SHOWN_MAX);
    const more = errors.length - listedErrors.length;
    return problem("validation-failed", {
      detail: `The request ${contextName(context)} has ${errors.length} invalid field${errors.length === 1 ? "" : "s"}${more > 0 ? `; the first ${listedErrors.length} are listed` : ""}.`,
      errors: listedErrors,
    });
  }

  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return problem("malformed-body", { detail: "The request body is not valid JSON." });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return problem("unsupported-media-type", {
        detail:
          "This route accepts application/json bodies only (multipart/form-data for uploads).",
      });
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
    case "FST_PARTS_LIMIT":
    case "FST_FILES_LIMIT":
    case "FST_FIELDS_LIMIT":
      return problem("payload-too-large", {
        detail: "The request body is larger than this route accepts.",
      });
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return problem("malformed-body", {
        detail: "The Content-Length header does not match the body.",
      });
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return problem("unsupported-media-type", {
        detail: "This route expects multipart/form-data.",
      });
    case "FST_PROTO_VIOLATION":
      return problem("malformed-body", {
        detail: "The request body contains a forbidden property name.",
      });
    default:
      break;
  }

  if (isMultipartSyntaxError(error)) {
    return problem("malformed-body", {
      detail: "The multipart/form-data body is malformed or ends early; send the whole form again.",
    });
  }

  const databaseProblem = fromDatabaseError(error);
  if (databaseProblem) return databaseProblem;

  // Prototype-poisoning attempts and other parser refusals arrive as plain errors with a 4xx code.
  const status = error.statusCode ?? 500;
  if (status === 413)
    return problem("payload-too-large", { detail: "The request body is too large." });
  if (status === 415) return problem("unsupported-media-type");
  if (status >= 400 && status < 500) {
    return problem("malformed-body", { detail: "The request could not be read." });
  }
  return null;
}

/**
 * Recognises the parser errors of @fastify/busboy, which carry no code or status: a missing
 * boundary and a body that ends before its closing boundary.
 */
function isMultipartSyntaxError(error: FastifyError): boolean {
  if (error.statusCode !== undefined || error.code !== undefined) return false;
  return /^Multipart: |unexpected end of multipart data|^Boundary required$/i.test(error.message);
}

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

function toFieldErrors(context: string, item: ValidationItem): FieldError[] {
  const base = item.instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
  const prefix = context === "body" ? "" : `${contextName(context)}.`;
  if (item.keyword === "unrecognized_keys" && Array.isArray(item.params?.keys)) {
    return (item.params.keys as string[]).map((key) => ({
      field: `${prefix}${base ? `${base}.` : ""}${key}`,
      message: "is not an accepted field",
    }));
  }
  return [
    { field: `${prefix}${base}` || contextName(context), message: item.message ?? "is invalid" },
  ];
}

function contextName(context: string): string {
  if (context === "querystring") return "query";
  return context;
}

/**
 * Maps PostgreSQL errors that a request's data caused to client errors. Route schemas should catch
 * these first; this is the safety net, so a value that slips past them still gets a 4xx instead
 * of a 500. SQLSTATE class 22 is "data exception" (out of range, bad format, too long).
 */
function fromDatabaseError(error: FastifyError): ProblemError | null {
  const code = databaseErrorCode(error);
  if (!code) return null;
  if (code.startsWith("22")) {
    return problem("validation-failed", {
      detail: "A value in the request is out of range or has an invalid format.",
      // The database does not say which value it refused, so the whole request is named.
      errors: [
        { field: "request", message: "contains a value out of range or in an invalid format" },
      ],
    });
  }
  if (code === "23505")
    return problem("conflict", { detail: "The request conflicts with data that already exists." });
  if (code === "23503")
    return problem("unprocessable-content", {
      detail: "The request refers to something that does not exist.",
    });
  if (code === "23514")
    return problem("validation-failed", { detail: "A value in the request is not allowed." });
  return null;
}

function databaseErrorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current && typeof current === "object"; depth += 1) {
    const code = (current as { code?: unknown }).code;
    // SQLSTATE codes are five characters of digits and capitals; Fastify's own codes start with FST_.
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
