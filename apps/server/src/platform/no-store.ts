import type { FastifyInstance } from "fastify";

/**
 * Marks every API response `Cache-Control: no-store`: successes, errors and not-found responses
 * alike. API responses carry health data or session tokens, which must never sit in a shared or
 * browser cache. This is the only place the API sets the header. An onSend hook runs after the
 * route and the error handler, so a route cannot weaken it by setting the header itself.
 */
export function registerNoStoreForApi(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.url.startsWith("/api/")) reply.header("cache-control", "no-store");
    return payload;
  });
}
