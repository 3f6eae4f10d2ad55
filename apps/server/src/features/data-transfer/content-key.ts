import { eq } from "drizzle-orm";
import type { Column } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { Executor } from "../../platform/database";

// Columns the server assigns on every write; two copies of one entry differ only in these.
const GENERATED = new Set(["id", "version", "updatedAt"]);

/**
 * Identifies a row by what the user logged, so an import can skip entries the account already
 * holds. Rows logged through the API have no source key, and every export carries a new
 * `exportedAt`, so neither a key nor the file's digest catches a second export of the same data.
 * The creation time is part of the content, which keeps two equal entries logged apart distinct.
 */
export function contentKey(values: Record<string, unknown>, columns: [string, Column][]): string {
  const parts = columns
    .filter(([key]) => !GENERATED.has(key))
    .map(([key]) => [key, normalise(values[key])]);
  return JSON.stringify(parts);
}

/** Content keys of every row the user already has in a table. */
export async function existingContentKeys(
  tx: Executor,
  table: PgTable,
  userColumn: PgColumn,
  userId: string,
  columns: [string, Column][],
): Promise<Set<string>> {
  const rows = await tx.select().from(table).where(eq(userColumn, userId));
  return new Set(rows.map((row) => contentKey(row as Record<string, unknown>, columns)));
}

function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    // PostgreSQL reorders jsonb keys, so the order of the file's keys must not matter.
    return Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => [key, normalise((value as Record<string, unknown>)[key])]);
  }
  return value;
}
