import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

/**
 * Imports, one row per uploaded file. The file waits under DATA_DIR/imports until its job runs;
 * `content_hash` (SHA-256 of the bytes and the form fields) recognises a repeated upload.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    format: text("format", { enum: ["fitcoach-json", "strong-csv", "hevy-csv"] }).notNull(),
    options: jsonb("options").$type<Record<string, string>>().notNull().default({}),
    contentHash: text("content_hash").notNull(),
    status: text("status", { enum: ["queued", "running", "completed", "failed"] })
      .notNull()
      .default("queued"),
    progressPercent: integer("progress_percent").notNull().default(0),
    added: jsonb("added").$type<Record<string, number>>().notNull().default({}),
    duplicateOf: uuid("duplicate_of"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("import_jobs_user_hash_idx")
      .on(table.userId, table.contentHash)
      .where(sql`status = 'completed'`),
    index("import_jobs_user_created_idx").on(table.userId, table.createdAt),
  ],
);
export type ImportJobRow = typeof importJobs.$inferSelect;
