import { integer, pgTable } from "drizzle-orm/pg-core";

import { entryColumns, entryIndexes } from "../entries/entry-columns";
import { users } from "../accounts/accounts.tables";

/** Step counts; a day's total is the sum of its rows (a phone and a watch may both report). */
export const stepEntries = pgTable(
  "step_entries",
  { ...entryColumns(() => users.id), count: integer("count").notNull() },
  (table) => entryIndexes("step_entries", table),
);
export type StepsRow = typeof stepEntries.$inferSelect;
