import type { FastifyInstance } from "fastify";
import { z } from "zod";

import { problem } from "../../platform/errors";
import type { HealthService } from "./health.service";

const readySchema = z.object({
  status: z.enum(["ok", "degraded"]),
  checks: z.object({
    database: z.literal("ok"),
    redis: z.enum(["ok", "degraded", "disabled"]),
  }),
});

export async function healthRoutes(
  app: FastifyInstance,
  options: { health: HealthService },
): Promise<void> {
  const { health } = options;

  app.get(
    "/health/live",
    {
      schema: {
        tags: ["health"],
        summary: "Process is up",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/health/ready",
    {
      schema: {
        tags: ["health"],
        summary: "Ready to serve traffic",
        response: { 200: readySchema },
      },
    },
    async (_request, reply) => {
      const report = await health.check();
      if (report.database !== "ok") {
        throw problem("service-unavailable", {
          detail: "The database is unreachable; the server cannot serve requests until it returns.",
          headers: { "retry-after": "5" },
        });
      }
      reply.header("cache-control", "no-store");
      return {
        status: report.redis === "degraded" ? ("degraded" as const) : ("ok" as const),
        checks: { database: "ok" as const, redis: report.redis },
      };
    },
  );
}
