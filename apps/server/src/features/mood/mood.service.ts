import type { MoodCreate, MoodEntry } from "@fitcoach/contract";
import type { moodPatchSchema } from "@fitcoach/contract";
import type { z } from "zod";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { createEntryService, entryMeta } from "../entries/entry-service";
import type { EntryService } from "../entries/entry-service";
import { moodEntries } from "./mood.tables";
import type { MoodRow } from "./mood.tables";

export type MoodPatch = z.infer<typeof moodPatchSchema>;
export type MoodService = EntryService<MoodRow, MoodEntry, MoodCreate, MoodPatch>;

export function createMoodService(deps: { db: Database; clock: Clock }): MoodService {
  return createEntryService(deps, {
    label: "Mood entry",
    table: moodEntries,
    toView: (row: MoodRow): MoodEntry => ({
      ...entryMeta(row),
      score: row.score,
      energy: row.energy,
      stress: row.stress,
      tags: row.tags,
      note: row.note,
    }),
    toInsert: (input) => ({
      date: input.date,
      score: input.score,
      energy: input.energy ?? null,
      stress: input.stress ?? null,
      tags: uniqueTags(input.tags),
      note: input.note,
    }),
    toUpdate: (_row, patch) => ({
      ...patch,
      ...(patch.tags === undefined ? {} : { tags: uniqueTags(patch.tags) }),
    }),
  });
}

/** Drops repeated tags, keeping the first spelling. */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
