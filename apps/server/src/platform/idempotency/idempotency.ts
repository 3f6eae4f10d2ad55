import { createHmac } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";

import type { Clock } from "../clock";
import type { Database } from "../database";
import { problem } from "../errors";
import { idempotencyKeys } from "./idempotency.tables";

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 3_600_000;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const REPLAYED_HEADERS = ["etag", "location", "content-type"];

declare module "fastify" {
  interface FastifyRequest {
    idempotencyKey: string | null;
  }
}

/**
 * Honours the Idempotency-Key header on authenticated writes. The first request with a key runs
 * and its response is stored. A repeat with the same body gets that stored response, a repeat with a
 * different request (body, query or If-Match) gets 422, and one that arrives while the first still
 * runs gets 409. Server errors are not stored, so a retry after a 5xx runs again.
 */
export function registerIdempotency(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; secretKey: string },
): void {
  const hashKey = createHmac("sha256", deps.secretKey).update("fitcoach/idempotency").digest();
  app.decorateRequest("idempotencyKey", null);

  app.addHook("preHandler", async (request, reply) => {
    const key = request.headers["idempotency-key"];
    if (key === undefined || !WRITE_METHODS.has(request.method) || !request.user) return;
    if (carriesSecrets(request) || isMultipart(request)) return;
    if (typeof key !== "string" || !KEY_PATTERN.test(key)) {
      throw problem("validation-failed", {
        detail: "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.",
        errors: [{ field: "headers.idempotency-key", message: "is not a valid key" }],
      });
    }

    const userId = request.user.userId;
    const now = deps.clock.now();
    const requestHash = hashRequest(request, hashKey);
    const inserted = await deps.db
      .insert(idempotencyKeys)
      .values({
        userId,
        key,
        requestHash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + RETENTION_MS),
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      request.idempotencyKey = key;
      return;
    }

    const rows = await deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
      .limit(1);
    const stored = rows[0];
    if (!stored)
      throw problem("conflict", {
        detail: "The Idempotency-Key is being processed; retry shortly.",
        headers: { "retry-after": "1" },
      });
    if (stored.requestHash !== requestHash) {
      throw problem("idempotency-key-reused", {
        detail: "This Idempotency-Key was used for a different request; use a new key.",
      });
    }
    if (stored.statusCode === null) {
      throw problem("conflict", {
        detail: "A request with this Idempotency-Key is still running; retry shortly.",
        headers: { "retry-after": "1" },
      });
    }

    for (const [name, value] of Object.entries(stored.responseHeaders ?? {}))
      reply.header(name, value);
    reply.header("idempotent-replayed", "true");
    return reply.code(stored.statusCode).send(stored.responseBody ?? undefined);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.user) return payload;
    const where = and(
      eq(idempotencyKeys.userId, request.user.userId),
      eq(idempotencyKeys.key, key),
    );

    // Responses that depend on timing or on the row's current version, not on the request, are
    // not stored. So a retry after fixing If-Match runs again.
    if (
      reply.statusCode >= 500 ||
      reply.statusCode === 409 ||
      reply.statusCode === 412 ||
      reply.statusCode === 429
    ) {
      await deps.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === "string") headers[name] = value;
    }
    await deps.db
      .update(idempotencyKeys)
      .set({
        statusCode: reply.statusCode,
        responseBody: typeof payload === "string" ? payload : null,
        responseHeaders: headers,
      })
      .where(where);
    return payload;
  });
}

/** Deletes stored responses older than a day; runs as a periodic job. */
export async function purgeExpiredIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

// Requests that carry credentials (passwords, codes, tokens) or whose responses do (2FA setup and
// recovery codes) are never stored: a replay store must not become a second copy of secrets.
const SECRET_ROUTE_PREFIXES = ["/api/v1/auth/", "/api/v1/me/2fa/"];
const SECRET_FIELD = /pass(word)?|token|secret|^code$|recoverycode/i;

function carriesSecrets(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? request.url;
  if (SECRET_ROUTE_PREFIXES.some((prefix) => route.startsWith(prefix))) return true;
  const body = request.body;
  return (
    body !== null &&
    typeof body === "object" &&
    Object.keys(body).some((field) => SECRET_FIELD.test(field))
  );
}

/**
 * Checks for an upload. Uploads stream their body after this hook runs, so two different files
 * would look alike here. Their routes are safe to repeat without a stored response, because a
 * photo replaces the previous one and an import of a file already imported adds nothing.
 */
function isMultipart(request: FastifyRequest): boolean {
  return (request.headers["content-type"] ?? "").toLowerCase().startsWith("multipart/");
}

function hashRequest(request: FastifyRequest, hashKey: Buffer): string {
  const ifMatch = request.headers["if-match"] ?? "";
  const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
  const parts = [
    `${request.method} ${request.routeOptions.url ?? request.url}${search}`,
    JSON.stringify(request.params ?? {}),
    JSON.stringify(ifMatch),
    JSON.stringify(request.body ?? null),
  ];
  // Keyed, so the stored digest of a body cannot be tested against guesses offline.
  return createHmac("sha256", hashKey).update(parts.join("\n")).digest("base64url");
}
