import { problem } from "./errors";

/** Position in a list ordered by creation time and id, newest first. */
export interface CreatedCursor {
  createdAt: Date;
  id: string;
}

/** Encodes the last row of a page as an opaque cursor for the next page. */
export function encodeCreatedCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify({ c: createdAt, i: id })).toString("base64url");
}

/** Decodes a cursor from `encodeCreatedCursor`; anything else is a validation problem. */
export function decodeCreatedCursor(text: string): CreatedCursor {
  const payload = parsePayload(text);
  const createdAt = typeof payload?.c === "string" ? new Date(payload.c) : null;
  if (createdAt && !Number.isNaN(createdAt.getTime()) && typeof payload?.i === "string") {
    return { createdAt, id: payload.i };
  }
  throw problem("validation-failed", {
    detail: "The cursor is not one this list returned; start again without a cursor.",
    errors: [{ field: "query.cursor", message: "is not a valid cursor" }],
  });
}

function parsePayload(text: string): Record<string, unknown> | null {
  try {
    const payload: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    return typeof payload === "object" && payload !== null
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
