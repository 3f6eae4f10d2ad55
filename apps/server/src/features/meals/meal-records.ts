import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type {
  FieldError,
  MealItemRecord,
  MealPhotoRecord,
  MealRecord,
  SavedMealRecord,
} from "@fitcoach/contract";

import type { Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import { addDays, EARLIEST_LOGGABLE_DATE, todayIn } from "../../platform/local-date";
import { itemValuesFromRecord, toItemRecord } from "./meal-items";
import { mealItems, meals, savedMealItems, savedMeals } from "./meals.tables";

/** Rows per INSERT during an import: 500 item rows of 19 columns stay far below 65,535 parameters. */
const IMPORT_BATCH_ROWS = 500;

/**
 * Export and import of meals and saved meals. An export lists the stored values, and an import
 * writes them back unchanged, so export, import and export again give the same document apart
 * from generated ids. Importing skips a record whose content (everything except ids and
 * `updatedAt`) equals a row the account already has, so importing a file twice adds nothing.
 */

/** Reads the user's meals with their items in the export shape, oldest first, in two queries. */
export async function readMealRecords(executor: Executor, userId: string): Promise<MealRecord[]> {
  const rows = await executor
    .select()
    .from(meals)
    .where(eq(meals.userId, userId))
    .orderBy(asc(meals.date), asc(meals.createdAt), asc(meals.id));
  const itemRows = await executor
    .select()
    .from(mealItems)
    .where(eq(mealItems.userId, userId))
    .orderBy(asc(mealItems.mealId), asc(mealItems.position));

  const items = groupRecords(itemRows, (row) => row.mealId);
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    type: row.type,
    note: row.note,
    items: items.get(row.id) ?? [],
    photo: photoRecordOf(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

function photoRecordOf(row: typeof meals.$inferSelect): MealPhotoRecord | null {
  if (!row.photoFile) return null;
  return {
    file: row.photoFile,
    width: row.photoWidth ?? 0,
    height: row.photoHeight ?? 0,
    bytes: row.photoBytes ?? 0,
  };
}

/** Reads the user's saved meals in the export shape, oldest first, in two queries. */
export async function readSavedMealRecords(
  executor: Executor,
  userId: string,
): Promise<SavedMealRecord[]> {
  const rows = await executor
    .select()
    .from(savedMeals)
    .where(eq(savedMeals.userId, userId))
    .orderBy(asc(savedMeals.createdAt), asc(savedMeals.id));
  const itemRows = await executor
    .select()
    .from(savedMealItems)
    .where(eq(savedMealItems.userId, userId))
    .orderBy(asc(savedMealItems.savedMealId), asc(savedMealItems.position));

  const items = groupRecords(itemRows, (row) => row.savedMealId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    type: row.type,
    note: row.note,
    items: items.get(row.id) ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export interface ImportContext {
  /** Exported custom food and portion ids mapped to the ids the custom foods import gave them. */
  foodIds: Map<string, string>;
  timeZone: string;
  now: Date;
  /** Whether the importing account's upload folder contains a photo file of this name. */
  hasPhotoFile(fileName: string): Promise<boolean>;
}

/** Writes exported meals that the account does not have yet; returns how many were added. */
export async function importMealRecords(
  tx: Executor,
  userId: string,
  records: MealRecord[],
  context: ImportContext,
): Promise<number> {
  assertImportDates(records, context.timeZone, context.now);
  const existing = await readMealRecords(tx, userId);
  const seen = new Set(existing.map(mealKey));

  const mealRows: (typeof meals.$inferInsert)[] = [];
  const itemRows: (typeof mealItems.$inferInsert)[] = [];
  for (const record of records) {
    const mapped = { ...record, items: record.items.map((item) => mapIds(item, context.foodIds)) };
    const key = mealKey(mapped);
    if (seen.has(key)) continue;
    seen.add(key);

    const mealId = randomUUID();
    // The export names the photo file but does not contain it. A reference is kept only when the
    // file is in this account's own folder, as after restoring an account's uploads, so an import
    // never links a file the account does not have.
    const photo =
      record.photo && (await context.hasPhotoFile(record.photo.file)) ? record.photo : null;
    mealRows.push({
      id: mealId,
      userId,
      date: record.date,
      type: record.type,
      note: record.note,
      photoFile: photo?.file ?? null,
      photoWidth: photo?.width ?? null,
      photoHeight: photo?.height ?? null,
      photoBytes: photo?.bytes ?? null,
      createdAt: new Date(record.createdAt),
      updatedAt: new Date(record.updatedAt),
    });
    mapped.items.forEach((item, index) => {
      itemRows.push({ ...itemValuesFromRecord(item), userId, mealId, position: index + 1 });
    });
  }

  await inBatches(mealRows, (batch) => tx.insert(meals).values(batch));
  await inBatches(itemRows, (batch) => tx.insert(mealItems).values(batch));
  return mealRows.length;
}

/** Writes exported saved meals that the account does not have yet; returns how many were added. */
export async function importSavedMealRecords(
  tx: Executor,
  userId: string,
  records: SavedMealRecord[],
  context: Pick<ImportContext, "foodIds">,
): Promise<number> {
  const existing = await readSavedMealRecords(tx, userId);
  const seen = new Set(existing.map(savedMealKey));

  const headerRows: (typeof savedMeals.$inferInsert)[] = [];
  const itemRows: (typeof savedMealItems.$inferInsert)[] = [];
  for (const record of records) {
    const mapped = { ...record, items: record.items.map((item) => mapIds(item, context.foodIds)) };
    const key = savedMealKey(mapped);
    if (seen.has(key)) continue;
    seen.add(key);

    const savedMealId = randomUUID();
    headerRows.push({
      id: savedMealId,
      userId,
      name: record.name,
      type: record.type,
      note: record.note,
      createdAt: new Date(record.createdAt),
      updatedAt: new Date(record.updatedAt),
    });
    mapped.items.forEach((item, index) => {
      itemRows.push({ ...itemValuesFromRecord(item), userId, savedMealId, position: index + 1 });
    });
  }

  await inBatches(headerRows, (batch) => tx.insert(savedMeals).values(batch));
  await inBatches(itemRows, (batch) => tx.insert(savedMealItems).values(batch));
  return headerRows.length;
}

function groupRecords<T extends Parameters<typeof toItemRecord>[0]>(
  rows: T[],
  parentOf: (row: T) => string,
): Map<string, MealItemRecord[]> {
  const grouped = new Map<string, MealItemRecord[]>();
  for (const row of rows) {
    const list = grouped.get(parentOf(row)) ?? [];
    list.push(toItemRecord(row));
    grouped.set(parentOf(row), list);
  }
  return grouped;
}

function mapIds(item: MealItemRecord, ids: Map<string, string>): MealItemRecord {
  return {
    ...item,
    foodId: item.foodId === null ? null : (ids.get(item.foodId) ?? item.foodId),
    portionId: item.portionId === null ? null : (ids.get(item.portionId) ?? item.portionId),
  };
}

function mealKey(record: MealRecord): string {
  const createdAt = new Date(record.createdAt).toISOString();
  return JSON.stringify([record.date, record.type, createdAt, record.note, record.items]);
}

function savedMealKey(record: SavedMealRecord): string {
  const createdAt = new Date(record.createdAt).toISOString();
  return JSON.stringify([record.name, record.type, createdAt, record.note, record.items]);
}

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) {
    await write(rows.slice(start, start + IMPORT_BATCH_ROWS));
  }
}

function assertImportDates(records: MealRecord[], timeZone: string, now: Date): void {
  const latest = addDays(todayIn(timeZone, now), 1);
  const errors: FieldError[] = [];
  records.forEach((record, index) => {
    if (record.date < EARLIEST_LOGGABLE_DATE || record.date > latest) {
      errors.push({
        field: `meals.${index}.date`,
        message: `must be between ${EARLIEST_LOGGABLE_DATE} and ${latest}`,
      });
    }
  });
  if (errors.length > 0) {
    throw problem("validation-failed", {
      detail: `${errors.length} imported meal${errors.length === 1 ? " has" : "s have"} a date outside the loggable range; the first 20 are listed.`,
      errors: errors.slice(0, 20),
    });
  }
}
