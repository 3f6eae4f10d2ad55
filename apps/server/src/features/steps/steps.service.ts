import type { StepsCreate, StepsEntry } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { createEntryService, entryMeta } from "../entries/entry-service";
import type { EntryService } from "../entries/entry-service";
import { stepEntries } from "./steps.tables";
import type { StepsRow } from "./steps.tables";

export type StepsService = EntryService<StepsRow, StepsEntry, StepsCreate, Partial<StepsCreate>>;

export function createStepsService(deps: { db: Database; clock: Clock }): StepsService {
  return createEntryService(deps, {
    label: "Steps entry",
    table: stepEntries,
    toView: (row: StepsRow): StepsEntry => ({ ...entryMeta(row), count: row.count }),
    toInsert: (input) => ({ date: input.date, count: input.count }),
    toUpdate: (_row, patch) => ({ ...patch }),
  });
}
