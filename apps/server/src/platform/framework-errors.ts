import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { PROBLEMS, problemTypeUri } from "@fitcoach/contract";
import type { ProblemCode } from "@fitcoach/contract";

import { problem } from "./errors";
import { sendProblem } from "./error-handler";

/**
 * Converts the errors Fastify's router raises before any route or error handler runs: a path with
 * invalid percent-encoding, a path parameter over the length limit and a failed async
 * constraint, into problem documents. Without this option Fastify writes its own JSON body.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  switch (error.code) {
    case "FST_ERR_BAD_URL":
      request.log.info({ problem: "malformed-request" }, "request rejected");
      sendProblem(
        reply,
        problem("malformed-request", {
          detail:
            "The request path has invalid percent-encoding; encode reserved characters as %XX.",
        }),
      );
      return;
    case "FST_ERR_MAX_PARAM_LENGTH":
      request.log.info({ problem: "uri-too-long" }, "request rejected");
      sendProblem(
        reply,
        problem("uri-too-long", { detail: "A path segment of the request is too long." }),
      );
      return;
    default:
      request.log.error({ err: error }, "request failed before routing");
      sendProblem(
        reply,
        problem("internal-error", {
          detail:
            "The server failed to process the request. Quote the request id when reporting it.",
        }),
      );
  }
}

/**
 * Responds with a problem document to requests Node's HTTP parser rejects (oversized headers, a
 * garbled request line, an invalid Content-Length, a request that timed out). No request object
 * exists at this point, so the response is written to the socket directly and the connection is
 * closed, as Node does by default.
 */
export function handleClientError(
  this: FastifyInstance,
  error: NodeJS.ErrnoException,
  socket: Socket,
): void {
  // A reset or already closed connection cannot receive a response.
  if (error.code === "ECONNRESET" || socket.destroyed) return;

  const code = clientErrorCode(error.code);
  this.log.info({ problem: code, parserError: error.code }, "malformed request rejected");
  if (socket.writable) socket.write(rawProblemResponse(code));
  socket.destroy();
}

function clientErrorCode(parserCode: string | undefined): ProblemCode {
  if (parserCode === "ERR_HTTP_REQUEST_TIMEOUT") return "request-timeout";
  if (parserCode === "HPE_HEADER_OVERFLOW") return "request-header-fields-too-large";
  return "malformed-request";
}

const CLIENT_ERROR_DETAILS: Partial<Record<ProblemCode, string>> = {
  "request-timeout": "The request was not received in time; send it again.",
  "request-header-fields-too-large":
    "The request headers are larger than this server accepts; send fewer or smaller headers.",
  "malformed-request": "The request is not valid HTTP/1.1 and could not be read.",
};

function rawProblemResponse(code: ProblemCode): string {
  const { status, title } = PROBLEMS[code];
  const body = JSON.stringify({
    type: problemTypeUri(code),
    title,
    status,
    detail: CLIENT_ERROR_DETAILS[code],
  });
  return [
    `HTTP/1.1 ${status} ${title}`,
    "Content-Type: application/problem+json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}
