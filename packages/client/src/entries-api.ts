import {
  bodyEntrySchema,
  moodEntrySchema,
  sleepEntrySchema,
  stepsEntrySchema,
  waterEntrySchema,
} from "@fitcoach/contract";
import type {
  BodyCreate,
  BodyEntry,
  BodyPatch,
  MoodCreate,
  MoodEntry,
  SleepCreate,
  SleepEntry,
  StepsCreate,
  StepsEntry,
  WaterCreate,
  WaterEntry,
  moodCreateSchema,
  moodPatchSchema,
  sleepPatchSchema,
  stepsPatchSchema,
  waterPatchSchema,
} from "@fitcoach/contract";
import type { z } from "zod";

import type { ApiClientCore, ResponseSchema } from "./api-client";
import { etagForVersion } from "./reminders-api";
import { idempotencyKeyOf } from "./write-options";
import type { WriteOptions } from "./write-options";

/** The id and version of a stored entry, which every edit and delete needs. */
export type EntryRef = { id: string; version: number };

/** Create, edit and delete for one kind of logged entry. Edits send If-Match with the version. */
export interface EntryApi<Entry, Create, Patch> {
  create(entry: Create, options?: WriteOptions): Promise<Entry>;
  update(entry: EntryRef, patch: Patch, options?: WriteOptions): Promise<Entry>;
  remove(entry: EntryRef, options?: WriteOptions): Promise<void>;
}

/** A mood entry as a form sends it; tags and note have server defaults. */
export type MoodInput = z.input<typeof moodCreateSchema>;

export interface EntriesApi {
  water: EntryApi<WaterEntry, WaterCreate, z.infer<typeof waterPatchSchema>>;
  sleep: EntryApi<SleepEntry, SleepCreate, z.infer<typeof sleepPatchSchema>>;
  mood: EntryApi<MoodEntry, MoodInput | MoodCreate, z.infer<typeof moodPatchSchema>>;
  body: EntryApi<BodyEntry, BodyCreate, BodyPatch>;
  steps: EntryApi<StepsEntry, StepsCreate, z.infer<typeof stepsPatchSchema>>;
}

export function createEntriesApi(core: ApiClientCore): EntriesApi {
  return {
    water: createEntryApi(core, "/water", waterEntrySchema),
    sleep: createEntryApi(core, "/sleep", sleepEntrySchema),
    mood: createEntryApi(core, "/mood", moodEntrySchema),
    body: createEntryApi(core, "/body", bodyEntrySchema),
    steps: createEntryApi(core, "/steps", stepsEntrySchema),
  };
}

/** Builds the calls for the entry collection at `path`, such as "/water". */
export function createEntryApi<Entry, Create, Patch>(
  core: ApiClientCore,
  path: string,
  schema: ResponseSchema<Entry>,
): EntryApi<Entry, Create, Patch> {
  function entryPath(entry: EntryRef): string {
    return `${path}/${encodeURIComponent(entry.id)}`;
  }

  return {
    create: (entry, options) =>
      core.request({
        method: "POST",
        path,
        body: entry,
        idempotencyKey: idempotencyKeyOf(options),
        schema,
      }),
    update: (entry, patch, options) =>
      core.request({
        method: "PATCH",
        path: entryPath(entry),
        body: patch,
        ifMatch: etagForVersion(entry.version),
        idempotencyKey: idempotencyKeyOf(options),
        schema,
      }),
    async remove(entry, options) {
      await core.request({
        method: "DELETE",
        path: entryPath(entry),
        ifMatch: etagForVersion(entry.version),
        idempotencyKey: idempotencyKeyOf(options),
      });
    },
  };
}
