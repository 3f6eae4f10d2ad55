import { LogController } from "fastify";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Writes one line per request when it completes (id, method, route, status, duration) instead of
 * Fastify's two lines. The path is logged without its query string, which may carry tokens.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: "requestId" });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? null,
      path: request.url.split("?")[0],
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (error || reply.statusCode >= 500) {
      reply.log.error({ ...line, err: error ?? undefined }, "request completed");
    } else {
      reply.log.info(line, "request completed");
    }
  }
}
