import type { FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";

/** Content-Security-Policy the web app runs under: only its own scripts, no inline code, no eval. */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "manifest-src": ["'self'"],
  "worker-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "interest-cohort=()",
].join(", ");

/**
 * Sets the security headers on every response, API and web alike, including errors and preflight
 * responses. HSTS is sent only in production, where the server sits behind TLS.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  isProduction: boolean,
): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: isProduction
        ? { ...CONTENT_SECURITY_POLICY, "upgrade-insecure-requests": [] }
        : CONTENT_SECURITY_POLICY,
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    strictTransportSecurity: isProduction
      ? { maxAge: 31_536_000, includeSubDomains: true, preload: false }
      : false,
    // Helmet sends "X-XSS-Protection: 0"; the product promises the legacy blocking mode instead.
    xXssProtection: false,
    crossOriginEmbedderPolicy: false,
  });

  app.addHook("onRequest", async (_request, reply) => {
    reply.header("x-xss-protection", "1; mode=block");
    reply.header("permissions-policy", PERMISSIONS_POLICY);
  });
}
