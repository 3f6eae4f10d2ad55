import type { SleepCreate, SleepEntry } from "@fitcoach/contract";
import { SLEEP_MAX_MINUTES } from "@fitcoach/contract";
import { DateTime } from "luxon";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import { createEntryService, entryMeta } from "../entries/entry-service";
import type { EntryService } from "../entries/entry-service";
import { sleepEntries } from "./sleep.tables";
import type { SleepPhases, SleepRow } from "./sleep.tables";

export type SleepService = EntryService<SleepRow, SleepEntry, SleepCreate, Partial<SleepCreate>>;

export interface NightTiming {
  date: string;
  bedtimeLocal: string;
  wakeLocal: string;
  timeZone: string;
  bedtimeAt: Date;
  wakeAt: Date;
  durationMin: number;
}

/**
 * Reads a night from local bedtime and wake time in a zone. The night belongs to the day of
 * waking. Its duration is the elapsed time between the two instants, so a night across the spring
 * DST change is an hour shorter than the clock times suggest, and one in autumn an hour longer. A
 * local time that the clocks skip is moved forward by the gap.
 */
export function timeNight(bedtime: string, wakeTime: string, timeZone: string): NightTiming {
  const start = DateTime.fromISO(bedtime, { zone: timeZone });
  const end = DateTime.fromISO(wakeTime, { zone: timeZone });
  if (!start.isValid || !end.isValid) {
    throw problem("validation-failed", {
      detail: "Bedtime and wake time must be real local date-times.",
      errors: [
        { field: start.isValid ? "wakeTime" : "bedtime", message: "is not a valid date-time" },
      ],
    });
  }
  const durationMin = Math.round(end.diff(start, "minutes").minutes);
  if (durationMin <= 0 || durationMin > SLEEP_MAX_MINUTES) {
    throw problem("validation-failed", {
      detail: `Wake time must be after bedtime and the night shorter than 24 hours; it lasts ${durationMin} minutes.`,
      errors: [
        { field: "wakeTime", message: "must be after bedtime and less than 24 hours later" },
      ],
    });
  }
  return {
    date: wakeTime.slice(0, 10),
    bedtimeLocal: bedtime,
    wakeLocal: wakeTime,
    timeZone,
    bedtimeAt: start.toJSDate(),
    wakeAt: end.toJSDate(),
    durationMin,
  };
}

/** Refuses phases that add up to more than the night they describe. */
function checkPhases(phases: SleepPhases | null | undefined, durationMin: number): void {
  if (!phases) return;
  const total = Object.values(phases).reduce<number>(
    (sum, minutes) => sum + (typeof minutes === "number" ? minutes : 0),
    0,
  );
  if (total > durationMin) {
    throw problem("validation-failed", {
      detail: `The sleep phases add up to ${total} minutes, more than the ${durationMin} minutes of the night.`,
      errors: [{ field: "phases", message: "must add up to at most the night's duration" }],
    });
  }
}

export function createSleepService(deps: { db: Database; clock: Clock }): SleepService {
  return createEntryService(deps, {
    label: "Sleep entry",
    table: sleepEntries,
    toView: (row: SleepRow): SleepEntry => ({
      ...entryMeta(row),
      bedtime: row.bedtimeLocal,
      wakeTime: row.wakeLocal,
      timeZone: row.timeZone,
      durationMin: row.durationMin,
      quality: row.quality,
      phases: row.phases ?? null,
    }),
    toInsert: (input, author) => {
      const night = timeNight(input.bedtime, input.wakeTime, author.timeZone);
      checkPhases(input.phases, night.durationMin);
      return { ...night, quality: input.quality, phases: input.phases ?? null };
    },
    toUpdate: (row, patch) => {
      const changes: Record<string, unknown> = {};
      if (patch.bedtime !== undefined || patch.wakeTime !== undefined) {
        // An edit keeps the zone the night was logged in, so moving house later changes nothing.
        Object.assign(
          changes,
          timeNight(
            patch.bedtime ?? row.bedtimeLocal,
            patch.wakeTime ?? row.wakeLocal,
            row.timeZone,
          ),
        );
      }
      if (patch.quality !== undefined) changes.quality = patch.quality;
      if (patch.phases !== undefined) changes.phases = patch.phases;
      checkPhases(
        patch.phases === undefined ? row.phases : patch.phases,
        (changes.durationMin as number | undefined) ?? row.durationMin,
      );
      return changes;
    },
  });
}
