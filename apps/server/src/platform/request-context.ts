import type { FastifyRequest } from "fastify";

/** Origin of a request (address and user agent), for audit records and session labels. */
export interface RequestContext {
  ip: string;
  userAgent: string | null;
}

const USER_AGENT_MAX_LENGTH = 512;

export function requestContext(request: FastifyRequest): RequestContext {
  const agent = request.headers["user-agent"];
  return {
    ip: request.ip,
    userAgent: typeof agent === "string" ? agent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  };
}
