import { pgTable, smallint, text } from "drizzle-orm/pg-core";

import { entryColumns, entryIndexes } from "../entries/entry-columns";
import { users } from "../accounts/accounts.tables";

export const moodEntries = pgTable(
  "mood_entries",
  {
    ...entryColumns(() => users.id),
    score: smallint("score").notNull(),
    energy: smallint("energy"),
    stress: smallint("stress"),
    tags: text("tags").array().notNull().default([]),
    note: text("note").notNull().default(""),
  },
  (table) => entryIndexes("mood_entries", table),
);
export type MoodRow = typeof moodEntries.$inferSelect;
