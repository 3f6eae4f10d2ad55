import { KG_PER_LB, NUTRIENT_FIELDS } from "@fitcoach/contract";
import type {
  BodyEntry,
  DayCard,
  Meal,
  MoodEntry,
  NutrientTotals,
  SleepEntry,
  WaterEntry,
  Workout,
} from "@fitcoach/contract";
import type { ApiResponse } from "@fitcoach/client";

import type { MobileRuntime } from "../../runtime/mobile-runtime";
import { readCachedResource, writeCachedResource } from "../../storage/cached-resources";
import type { SqlExecutor } from "../../storage/sql-database";
import { applyWriteToCache } from "../../sync/write-cache";
import type { WriteKind } from "../../sync/write-kinds";
import { referenceTo } from "../../sync/write-queue";
import type { NewWrite, QueuedWrite } from "../../sync/write-queue";

/** Entry kinds the daily card lists, by the API path they live under. */
export type EntryKind = "water" | "mood" | "body" | "sleep" | "workouts" | "meals";

const PENDING_ID_PREFIX = "pending:";

const CREATE_KINDS: Record<EntryKind, WriteKind> = {
  water: "water-add",
  mood: "mood-add",
  body: "weight-add",
  sleep: "sleep-add",
  workouts: "workout-add",
  meals: "meal-add",
};

export function dayPath(date: string): string {
  return `/days/${date}`;
}

/** Tells whether an entry shown on the card exists only on this device so far. */
export function isPendingEntry(entry: { id: string }): boolean {
  return entry.id.startsWith(PENDING_ID_PREFIX);
}

/** Queues a new entry of the day; `body` has been validated with the kind's create schema. */
export async function queueEntry(
  runtime: MobileRuntime,
  kind: EntryKind,
  date: string,
  body: Record<string, unknown>,
): Promise<QueuedWrite> {
  return runtime.write({
    method: "POST",
    path: `/${kind}`,
    body,
    kind: CREATE_KINDS[kind],
    entityKey: `${kind}:${date}`,
  });
}

/**
 * Queues deleting an entry. A server entry is deleted at the version shown, so an edit made on
 * another device meanwhile comes back as a conflict. An entry still in the queue is deleted by
 * reference, after its creation reaches the server.
 */
export async function queueEntryDeletion(
  runtime: MobileRuntime,
  kind: EntryKind,
  entry: { id: string; version: number },
): Promise<void> {
  const change: NewWrite = isPendingEntry(entry)
    ? {
        method: "DELETE",
        path: `/${kind}/${referenceTo({ idempotencyKey: entry.id.slice(PENDING_ID_PREFIX.length) })}`,
        ifMatch: referenceTo({ idempotencyKey: entry.id.slice(PENDING_ID_PREFIX.length) }),
        kind: "entry-delete",
        entityKey: `${kind}-entry:${entry.id}`,
      }
    : {
        method: "DELETE",
        path: `/${kind}/${encodeURIComponent(entry.id)}`,
        ifMatch: `"v${entry.version}"`,
        kind: "entry-delete",
        entityKey: `${kind}-entry:${entry.id}`,
      };
  await runtime.write(change);
}

/** Lays queued creations and deletions of the day's entries over its cached card. */
export function overlayDayWrites(
  card: DayCard,
  _path: string,
  writes: readonly QueuedWrite[],
): DayCard {
  let result = card;
  for (const write of writes) {
    if (write.status === "rejected") continue;
    result = applyWriteToDay(result, write, null);
  }
  return result;
}

/**
 * Applies one write to a day's card: the entry the server created, or for a queued write a stand-in
 * built from the request. Kinds whose entries the server computes (sleep, workouts) are applied
 * only with the server's entry.
 */
export function applyWriteToDay(card: DayCard, write: QueuedWrite, created: unknown): DayCard {
  const body = (write.body ?? {}) as Record<string, unknown>;

  if (write.method === "DELETE") return removeEntry(card, write.path);
  if (write.method !== "POST") return card;

  if (write.path === "/water" && body.date === card.date) {
    const entry = (created as WaterEntry | null) ?? {
      ...pendingMeta(write, card.date),
      ml: Number(body.ml),
    };
    return {
      ...card,
      water: {
        ...card.water,
        totalMl: card.water.totalMl + entry.ml,
        entries: [...card.water.entries, entry],
      },
    };
  }
  if (write.path === "/mood" && body.date === card.date) {
    const entry = (created as MoodEntry | null) ?? {
      ...pendingMeta(write, card.date),
      score: Number(body.score),
      energy: null,
      stress: null,
      tags: [],
      note: "",
    };
    return { ...card, mood: [...card.mood, entry] };
  }
  if (write.path === "/body" && body.date === card.date) {
    const entry = (created as BodyEntry | null) ?? pendingBodyEntry(write, card.date, body);
    return { ...card, body: [...card.body, entry], weight: weightOf(entry) ?? card.weight };
  }
  if (write.path === "/sleep" && created && (created as SleepEntry).date === card.date) {
    return { ...card, sleep: [...card.sleep, created as SleepEntry] };
  }
  if (write.path === "/workouts" && created && (created as Workout).date === card.date) {
    return { ...card, workouts: [...card.workouts, created as Workout] };
  }
  if (write.path === "/meals" && created && (created as Meal).date === card.date) {
    return withMeal(card, created as Meal);
  }
  return card;
}

/**
 * Keeps a cached day card in step with a write the server applied, in the transaction that takes
 * the write off the queue, so the card never loses an entry between the two.
 */
export async function applyDayResponse(
  executor: SqlExecutor,
  write: QueuedWrite,
  response: ApiResponse<unknown>,
): Promise<void> {
  await applyWriteToCache(executor, write, response);

  const rows = await executor.all<{ path: string }>(
    "SELECT path FROM cached_resources WHERE substr(path, 1, 6) = '/days/'",
  );
  for (const { path } of rows) {
    const cached = await readCachedResource<DayCard>(executor, path);
    if (!cached) continue;
    const next = applyWriteToDay(cached.body, write, response.data ?? null);
    if (next !== cached.body) {
      await writeCachedResource(executor, path, next, cached.etag, new Date(cached.fetchedAt));
    }
  }
}

function removeEntry(card: DayCard, path: string): DayCard {
  const matches = (kind: string, entry: { id: string }): boolean =>
    path === `/${kind}/${encodeURIComponent(entry.id)}` ||
    (isPendingEntry(entry) &&
      path === `/${kind}/{ref:${entry.id.slice(PENDING_ID_PREFIX.length)}}`);

  const water = card.water.entries.filter((entry) => matches("water", entry));
  const removedMl = water.reduce((sum, entry) => sum + entry.ml, 0);
  return {
    ...card,
    water: {
      ...card.water,
      totalMl: card.water.totalMl - removedMl,
      entries: card.water.entries.filter((entry) => !matches("water", entry)),
    },
    mood: card.mood.filter((entry) => !matches("mood", entry)),
    body: card.body.filter((entry) => !matches("body", entry)),
    sleep: card.sleep.filter((entry) => !matches("sleep", entry)),
    workouts: card.workouts.filter((entry) => !matches("workouts", entry)),
    meals: card.meals.filter((entry) => !matches("meals", entry)),
  };
}

/** Adds a meal the server created to the card and its nutrients to the day's totals. */
function withMeal(card: DayCard, meal: Meal): DayCard {
  const totals: NutrientTotals = {
    ...card.totals,
    incomplete: [...new Set([...card.totals.incomplete, ...meal.totals.incomplete])],
  };
  for (const field of NUTRIENT_FIELDS) {
    const dayValue = card.totals[field];
    const mealValue = meal.totals[field];
    totals[field] =
      dayValue === null && mealValue === null ? null : (dayValue ?? 0) + (mealValue ?? 0);
  }
  return { ...card, meals: [...card.meals, meal], totals };
}

function pendingMeta(
  write: QueuedWrite,
  date: string,
): { id: string; date: string; version: number; createdAt: string; updatedAt: string } {
  return {
    id: `${PENDING_ID_PREFIX}${write.idempotencyKey}`,
    date,
    version: 0,
    createdAt: write.createdAt,
    updatedAt: write.createdAt,
  };
}

function pendingBodyEntry(
  write: QueuedWrite,
  date: string,
  body: Record<string, unknown>,
): BodyEntry {
  const weightKg = typeof body.weightKg === "number" ? body.weightKg : null;
  const weightLb = typeof body.weightLb === "number" ? body.weightLb : null;
  return {
    ...pendingMeta(write, date),
    weightKg: weightKg ?? (weightLb === null ? null : round2(weightLb * KG_PER_LB)),
    weightLb: weightLb ?? (weightKg === null ? null : round2(weightKg / KG_PER_LB)),
    weightUnit: unitEntered(weightKg, weightLb),
    waistCm: null,
    waistIn: null,
    waistUnit: null,
    hipsCm: null,
    hipsIn: null,
    hipsUnit: null,
    chestCm: null,
    chestIn: null,
    chestUnit: null,
    neckCm: null,
    neckIn: null,
    neckUnit: null,
    bodyFatPercent: null,
  };
}

function unitEntered(weightKg: number | null, weightLb: number | null): BodyEntry["weightUnit"] {
  if (weightLb !== null) return "lb";
  if (weightKg !== null) return "kg";
  return null;
}

function weightOf(entry: BodyEntry): DayCard["weight"] {
  if (entry.weightKg === null || entry.weightLb === null) return null;
  return { kg: entry.weightKg, lb: entry.weightLb, unit: entry.weightUnit ?? "kg" };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
