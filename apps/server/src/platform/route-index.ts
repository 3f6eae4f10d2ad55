import type { FastifyInstance } from "fastify";
import Router from "find-my-way";

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];

/** Lists the methods that some route accepts for a concrete path; empty when none matches. */
export type AllowedMethods = (path: string) => string[];

/**
 * Records every route the app registers in a second router that contains only path patterns and
 * methods. Fastify returns 404 for an unknown method on a known path. With this index the
 * not-found handler returns 405 and an Allow header instead. Call before registering routes.
 */
export function createRouteIndex(app: FastifyInstance): AllowedMethods {
  const router = Router({ ignoreTrailingSlash: false });
  const known = new Set<string>();

  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (!METHODS.includes(method as Method) || route.url.includes("*")) continue;
      const key = `${method} ${route.url}`;
      if (known.has(key)) continue;
      known.add(key);
      router.on(method as Method, route.url, () => undefined);
    }
  });

  return (path) => METHODS.filter((method) => router.find(method, path) !== null);
}
