import type { FastifyInstance } from "fastify";

import { problem } from "./errors";

const MAX_DEPTH = 32;

/**
 * Rejects NUL characters anywhere in the body, query or path parameters. PostgreSQL cannot store
 * U+0000 in text, so without this guard such a value would reach the database and fail there.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const sources: [string, unknown][] = [
      ["", request.body],
      ["query.", request.query],
      ["params.", request.params],
    ];
    for (const [prefix, value] of sources) {
      const field = findNulCharacter(value, prefix, 0);
      if (field !== null) {
        throw problem("validation-failed", {
          detail: "Text must not contain NUL (U+0000) characters.",
          errors: [{ field: field || "body", message: "must not contain NUL characters" }],
        });
      }
    }
  });
}

function findNulCharacter(value: unknown, path: string, depth: number): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.replace(/\.$/, "") : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value)) return null;

  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return `${path}${key}`;
    const found = findNulCharacter(item, `${path}${key}.`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
