import { integer, pgTable } from "drizzle-orm/pg-core";

import { entryColumns, entryIndexes } from "../entries/entry-columns";
import { users } from "../accounts/accounts.tables";

/** Water drunk: one row per logged amount. */
export const waterEntries = pgTable(
  "water_entries",
  { ...entryColumns(() => users.id), ml: integer("ml").notNull() },
  (table) => entryIndexes("water_entries", table),
);
export type WaterRow = typeof waterEntries.$inferSelect;
