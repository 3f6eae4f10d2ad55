import type { FastifyInstance } from "fastify";

import { problem } from "./errors";

const MAX_DEPTH = 32;

/**
 * Rejects NUL characters and lone UTF-16 surrogates anywhere in the body, query or path parameters.
 * PostgreSQL cannot store U+0000 in text, and a lone surrogate (a JSON escape such as \ud800 with
 * no partner) would be stored as U+FFFD, so the text read back would differ from the text sent.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook("preValidation", async (request) => {
    const sources: [string, unknown][] = [
      ["", request.body],
      ["query.", request.query],
      ["params.", request.params],
    ];
    for (const [prefix, value] of sources) {
      const found = findInvalidText(value, prefix, 0);
      if (found !== null) {
        const nul = found.reason === "nul";
        throw problem("validation-failed", {
          detail: nul
            ? "Text must not contain NUL (U+0000) characters."
            : "Text must be valid Unicode; it contains a lone UTF-16 surrogate.",
          errors: [
            {
              field: found.field || "body",
              message: nul ? "must not contain NUL characters" : "must be valid Unicode text",
            },
          ],
        });
      }
    }
  });
}

// Lone surrogates only: a well-formed pair is one code point and does not match with the u flag.
const LONE_SURROGATE = /\p{Cs}/u;

function invalidReason(text: string): "nul" | "surrogate" | null {
  if (text.includes("\u0000")) return "nul";
  return LONE_SURROGATE.test(text) ? "surrogate" : null;
}

function findInvalidText(
  value: unknown,
  path: string,
  depth: number,
): { field: string; reason: "nul" | "surrogate" } | null {
  if (typeof value === "string") {
    const reason = invalidReason(value);
    return reason ? { field: path.replace(/\.$/, ""), reason } : null;
  }
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value)) return null;

  for (const [key, item] of Object.entries(value)) {
    const reason = invalidReason(key);
    if (reason) return { field: `${path}${key}`, reason };
    const found = findInvalidText(item, `${path}${key}.`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
