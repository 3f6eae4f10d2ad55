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
  if (createdAt && isPlausibleInstant(createdAt) && isUuid(payload?.i)) {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Checks that a cursor's time lies in years 1900 to 9999. Cursors are opaque but not signed, so
 * a tampered one must fail here rather than reach the database with a year it rejects.
 */
export function isPlausibleInstant(value: Date): boolean {
  const year = value.getUTCFullYear();
  return !Number.isNaN(value.getTime()) && year >= 1900 && year <= 9999;
}
