import type { WaterCreate, WaterEntry } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { createEntryService, entryMeta } from "../entries/entry-service";
import type { EntryService } from "../entries/entry-service";
import { waterEntries } from "./water.tables";
import type { WaterRow } from "./water.tables";

export type WaterService = EntryService<WaterRow, WaterEntry, WaterCreate, Partial<WaterCreate>>;

export function createWaterService(deps: { db: Database; clock: Clock }): WaterService {
  return createEntryService(deps, {
    label: "Water entry",
    table: waterEntries,
    toView: (row: WaterRow): WaterEntry => ({ ...entryMeta(row), ml: row.ml }),
    toInsert: (input) => ({ date: input.date, ml: input.ml }),
    toUpdate: (_row, patch) => ({ ...patch }),
  });
}
