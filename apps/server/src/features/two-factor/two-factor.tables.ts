import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

/** One-time recovery codes for two-factor login, stored as keyed digests. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [
    index("recovery_codes_user_idx").on(table.userId),
    uniqueIndex("recovery_codes_user_hash_idx").on(table.userId, table.codeHash),
  ],
);
