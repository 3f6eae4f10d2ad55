import Fastify from "fastify";
import type { FastifyBaseLogger, FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

import type { Clock } from "./platform/clock";
import type { Config } from "./platform/config";
import type { TrustProxySetting } from "./platform/trust-proxy";
import { registerCors } from "./platform/cors";
import type { Counters } from "./platform/counters";
import type { DatabaseHandle } from "./platform/database";
import { installErrorHandling } from "./platform/error-handler";
import { handleClientError, handleFrameworkError } from "./platform/framework-errors";
import { registerInputGuards } from "./platform/input-guards";
import { registerNoStoreForApi } from "./platform/no-store";
import type { JobWorker } from "./platform/jobs/job-queue";
import { requestIdFor } from "./platform/logger";
import { RequestLogController } from "./platform/request-log";
import type { Mailer } from "./platform/mail/mailer";
import { registerOpenApi } from "./platform/openapi";
import { registerApiRateLimit, registerRateLimit } from "./platform/rate-limit";
import { createRouteIndex } from "./platform/route-index";
import { registerSecurityHeaders } from "./platform/security-headers";
import { registerWebApp } from "./platform/web-app";
import { registerBackgroundWork } from "./background";
import type { PeriodicScheduler } from "./platform/jobs/periodic-jobs";
import { registerFeatureRoutes } from "./routes";
import { createServices } from "./services";
import type { ServiceOverrides, Services } from "./services";
import type { PushTransport } from "./features/notifications/push.service";

/** Everything the app needs from outside; main.ts builds these for real, tests for a test. */

const REQUEST_TIMEOUT_MS = 120_000;
export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  redis: Redis | undefined;
  counters: Counters;
  logger: Logger;
  clock: Clock;
  jobs: JobWorker;
  mailer: Mailer;
  /** Folder of the built web app, or null to serve the API only. */
  webRoot: string | null;
  /** How push requests leave the server; unset uses an agent limited to public addresses. */
  pushTransport?: PushTransport;
}

declare module "fastify" {
  interface FastifyInstance {
    services: Services;
    deps: AppDependencies;
    scheduler: PeriodicScheduler;
  }
}

/**
 * Fastify treats a bare hop count as "trust nothing" because hops alone cannot tell a proxy from a
 * direct client. FitCoach keeps the hop count for deployments that are reachable only through
 * their proxies, and trusts exactly that many nearest hops.
 */
function trustProxyOption(
  setting: TrustProxySetting,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return setting;
}

/** Builds the Fastify app without listening, so tests can drive it with inject(). */
export async function buildApp(
  deps: AppDependencies,
  overrides: ServiceOverrides = {},
): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    logController: new RequestLogController(),
    genReqId: requestIdFor,
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: config.bodyLimitBytes,
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
    return503OnClosing: true,
    // A client has this long to send its whole request, body included, so slow senders cannot
    // hold connections open (Node's default is 5 minutes). A 50 MB import needs about 0.5 MB/s.
    requestTimeout: REQUEST_TIMEOUT_MS,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });
  const allowedMethods = createRouteIndex(app);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Plain-text bodies are never part of the API; without this parser they answer 415.
  app.removeContentTypeParser("text/plain");

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
  await registerSecurityHeaders(app, config.isProduction);
  registerNoStoreForApi(app);
  await registerCors(app, config.corsOrigins);
  await app.register(cookie);
  await registerRateLimit(app, deps.counters);
  registerApiRateLimit(app, deps.counters, config.rateLimits.api);
  installErrorHandling(app, allowedMethods, { servesWebApp: deps.webRoot !== null });
  registerInputGuards(app);
  if (!config.isProduction) await registerOpenApi(app);

  const services = createServices(deps, overrides);
  app.decorate("services", services);
  app.decorate("deps", deps);
  app.decorate("scheduler", registerBackgroundWork(deps, services));
  await registerFeatureRoutes(app, services, deps);

  if (deps.webRoot) await registerWebApp(app, deps.webRoot);
  return app;
}
