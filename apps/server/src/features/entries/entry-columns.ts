import { sql } from "drizzle-orm";
import { date, index, integer, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AnyPgColumn, ExtraConfigColumn, IndexBuilder } from "drizzle-orm/pg-core";

/**
 * Columns every logged entry shares. `version` drives ETag/If-Match; `source_key` is the natural
 * key of an imported row, unique per user, so importing the same file twice adds nothing. The
 * caller passes the users table's id column, which keeps this module free of feature imports.
 */
// The return type is left to inference: spelling out Drizzle's builder types adds nothing.
export function entryColumns(userIdColumn: () => AnyPgColumn) {
  return {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(userIdColumn, { onDelete: "cascade" }),
    date: date("date").notNull(),
    version: integer("version").notNull().default(1),
    sourceKey: text("source_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  };
}

/** Indexes every entry table needs: by user and date (cards, lists, stats) and the import key. */
export function entryIndexes(
  name: string,
  table: { userId: ExtraConfigColumn; date: ExtraConfigColumn; sourceKey: ExtraConfigColumn },
): IndexBuilder[] {
  return [
    index(`${name}_user_date_idx`).on(table.userId, table.date),
    uniqueIndex(`${name}_user_source_key_idx`)
      .on(table.userId, table.sourceKey)
      .where(sql`source_key is not null`),
  ];
}
