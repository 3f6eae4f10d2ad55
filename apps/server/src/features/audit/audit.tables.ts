import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Security events. `user_id` has no foreign key on purpose: the record of an account's deletion
 * outlives the account.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order; lists page by it because several events can share a timestamp. */
    sequence: bigserial("sequence", { mode: "number" }).notNull(),
    userId: uuid("user_id"),
    event: text("event").notNull(),
    severity: text("severity", { enum: ["info", "warning", "high"] })
      .notNull()
      .default("info"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("audit_events_user_created_idx").on(table.userId, table.createdAt),
    index("audit_events_user_sequence_idx").on(table.userId, table.sequence),
    index("audit_events_event_created_idx").on(table.event, table.createdAt),
    index("audit_events_ip_created_idx").on(table.ip, table.createdAt),
  ],
);
