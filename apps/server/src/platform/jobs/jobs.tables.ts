import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Background work stored in the database. Workers claim due rows with FOR UPDATE SKIP LOCKED and a
 * lease (`locked_until`), so any number of instances share the queue and a job whose process dies
 * is picked up again when its lease ends.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(10),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    dedupeKey: text("dedupe_key"),
    /** Drop the job instead of running it once this time has passed (a reminder sent late). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("jobs_due_idx")
      .on(table.runAt)
      .where(sql`completed_at is null and failed_at is null`),
    uniqueIndex("jobs_dedupe_key_idx").on(table.dedupeKey),
    index("jobs_kind_created_idx").on(table.kind, table.createdAt),
  ],
);
