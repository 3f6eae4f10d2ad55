import type { FastifyInstance, FastifyRequest } from "fastify";

import type { RateLimitOptions } from "@fastify/rate-limit";

import { problem } from "../../platform/errors";
import { rateLimitFor } from "../../platform/rate-limit";
import type { RateLimitRule } from "../../platform/rate-limit-rule";
import type { AuthenticatedUser, SessionsService } from "./sessions.service";

declare module "fastify" {
  interface FastifyRequest {
    user: AuthenticatedUser | null;
  }
  interface FastifyInstance {
    /** preValidation hook that admits only requests with a valid access token. */
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
}

const BEARER_PATTERN = /^Bearer ([A-Za-z0-9_.-]{20,4096})$/;

/**
 * Adds `app.authenticate`. Every call checks the token's signature and claims and then the
 * session row, so a revoked or expired session stops working at once, not only when its access
 * token expires.
 */
export function registerAuthentication(app: FastifyInstance, sessions: SessionsService): void {
  app.decorateRequest("user", null);
  app.decorate("authenticate", async function authenticate(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (!header) {
      throw problem("authentication-required", {
        detail: "Send an access token in the Authorization header as Bearer <token>.",
        headers: { "www-authenticate": 'Bearer realm="fitcoach"' },
      });
    }
    const match = BEARER_PATTERN.exec(header);
    const user = match ? await sessions.resolveAccessToken(match[1]!) : null;
    if (!user) {
      throw problem("authentication-required", {
        detail: "The access token is invalid or expired; refresh it or log in again.",
        headers: { "www-authenticate": 'Bearer realm="fitcoach", error="invalid_token"' },
      });
    }
    request.user = user;
  });
}

/** Returns the caller of a route guarded by `app.authenticate`. */
export function requireUser(request: FastifyRequest): AuthenticatedUser {
  if (!request.user) throw problem("authentication-required", { detail: "Log in first." });
  return request.user;
}

/** Rate-limit key for routes limited per account rather than per address. */
export function userRateLimitKey(request: FastifyRequest): string {
  return request.user ? `user:${request.user.userId}` : `ip:${request.ip}`;
}

/**
 * Route config that limits a signed-in route per account. The check runs after authentication
 * (preHandler), when the account is known, so an attacker cannot spend another user's budget.
 */
export function perAccountRateLimit(rule: RateLimitRule): { rateLimit: RateLimitOptions } {
  return {
    rateLimit: {
      ...rateLimitFor(rule).rateLimit,
      keyGenerator: userRateLimitKey,
      hook: "preHandler",
    },
  };
}
