import { integer, jsonb, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

import { entryColumns, entryIndexes } from "../entries/entry-columns";
import { users } from "../accounts/accounts.tables";

export interface SleepPhases {
  deepMin?: number;
  remMin?: number;
  lightMin?: number;
  awakeMin?: number;
}

/**
 * Nights of sleep. `date` is the local date of waking up. The local times are kept as entered,
 * with the zone they were entered in, and the instants beside them give the elapsed duration.
 */
export const sleepEntries = pgTable(
  "sleep_entries",
  {
    ...entryColumns(() => users.id),
    bedtimeLocal: text("bedtime_local").notNull(),
    wakeLocal: text("wake_local").notNull(),
    timeZone: text("time_zone").notNull(),
    bedtimeAt: timestamp("bedtime_at", { withTimezone: true }).notNull(),
    wakeAt: timestamp("wake_at", { withTimezone: true }).notNull(),
    durationMin: integer("duration_min").notNull(),
    quality: smallint("quality").notNull(),
    phases: jsonb("phases").$type<SleepPhases>(),
  },
  (table) => entryIndexes("sleep_entries", table),
);
export type SleepRow = typeof sleepEntries.$inferSelect;
