import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fastifyStatic from "@fastify/static";

/** Folder of the built web app: WEB_DIST_DIR, or apps/web/dist found from source or bundle. */
export function webDistFolder(): string | null {
  if (process.env.WEB_DIST_DIR) return process.env.WEB_DIST_DIR;

  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.resolve(here, "../../../web/dist"),
    path.resolve(here, "../../web/dist"),
  ];
  return candidates.find((candidate) => existsSync(path.join(candidate, "index.html"))) ?? null;
}

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html and the service worker
 * are revalidated on every load so a deploy takes effect at once.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    wildcard: false,
    index: false,
    serveDotFiles: false,
    setHeaders(reply, filePath) {
      const relative = path.relative(root, filePath);
      if (relative.startsWith("assets" + path.sep)) {
        reply.header("cache-control", "public, max-age=31536000, immutable");
      } else {
        reply.header("cache-control", "no-cache");
      }
    },
  });
}

/** Whether a request that matched no route should get the web app's index.html. */
export function wantsWebApp(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const pathname = request.url.split("?")[0] ?? "/";
  if (pathname === "/api" || pathname.startsWith("/api/")) return false;
  if (pathname === "/health" || pathname.startsWith("/health/")) return false;
  return true;
}

export function sendWebApp(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "no-cache").sendFile("index.html");
}
