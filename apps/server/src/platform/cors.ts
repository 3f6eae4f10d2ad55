import type { FastifyInstance } from "fastify";
import cors from "@fastify/cors";

export const CORS_ALLOWED_HEADERS = [
  "Accept",
  "Authorization",
  "Content-Type",
  "Idempotency-Key",
  "If-Match",
  "If-None-Match",
  "X-Client-Type",
  "X-FitCoach-Client",
  "X-Request-Id",
];

export const CORS_EXPOSED_HEADERS = [
  "Content-Disposition",
  "ETag",
  "Location",
  "Retry-After",
  "X-RateLimit-Limit",
  "X-RateLimit-Remaining",
  "X-RateLimit-Reset",
  "X-Request-Id",
];

/**
 * Allows cross-origin calls from the configured origins only, compared exactly. Any other origin,
 * including "null", gets no Access-Control-Allow-Origin header at all.
 */
export async function registerCors(app: FastifyInstance, origins: string[]): Promise<void> {
  const allowed = new Set(origins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: true,
    maxAge: 600,
    strictPreflight: true,
  });
}
