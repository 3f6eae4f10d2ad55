import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type {
  CustomFood,
  CustomFoodCreate,
  CustomFoodPage,
  CustomFoodPatch,
  CustomFoodRecord,
  Per100gInput,
  PortionInput,
} from "@fitcoach/contract";

import type { PgUpdateSetSource } from "drizzle-orm/pg-core";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { decimalFromNumber, formatDecimal } from "../../platform/decimal";
import { notFound } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import { decodeCreatedCursor, encodeCreatedCursor } from "../../platform/page-cursor";
import { PER_100G_FIELDS, groupPortions, toFood } from "./foods.service";
import { foodPortions, foods } from "./foods.tables";
import type { FoodPortionRow, FoodRow } from "./foods.tables";

/** Custom food and portion ids of an export, mapped to the ids they have in this account. */
export type FoodIdMap = Map<string, string>;

export interface CustomFoodsService {
  listCustomFoods(
    userId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<CustomFoodPage>;
  getCustomFood(userId: string, foodId: string): Promise<CustomFood | null>;
  createCustomFood(userId: string, input: CustomFoodCreate): Promise<CustomFood>;
  /** Applies a patch; `expectedVersion` null applies it to whatever version is current. */
  updateCustomFood(
    userId: string,
    foodId: string,
    patch: CustomFoodPatch,
    expectedVersion: number | null,
  ): Promise<CustomFood>;
  deleteCustomFood(userId: string, foodId: string, expectedVersion: number | null): Promise<void>;
  /**
   * Lists the user's custom foods in the export shape, oldest first. An import passes its
   * transaction as `executor`.
   */
  exportRows(userId: string, executor?: Executor): Promise<CustomFoodRecord[]>;
  /**
   * Adds exported custom foods to an account inside the caller's transaction. A food whose
   * content (everything except ids and `updatedAt`) equals an existing one is taken to be that
   * food and not added again, so importing a file twice adds nothing. Returns the id each
   * exported food and portion has in this account, for the meals import.
   */
  importRows(tx: Executor, userId: string, rows: CustomFoodRecord[]): Promise<FoodIdMap>;
}

const IMPORT_BATCH_ROWS = 500;

export function createCustomFoodsService(deps: { db: Database; clock: Clock }): CustomFoodsService {
  const { db, clock } = deps;

  async function load(executor: Executor, userId: string, foodId: string): Promise<CustomFood> {
    const found = await loadMany(executor, [and(eq(foods.id, foodId), eq(foods.userId, userId))]);
    const food = found[0];
    if (!food) throw notFound(`Custom food ${foodId}`);
    return food;
  }

  async function loadMany(
    executor: Executor,
    conditions: Parameters<typeof and>,
    limit?: number,
  ): Promise<CustomFood[]> {
    const query = executor
      .select()
      .from(foods)
      .where(and(...conditions))
      .orderBy(desc(foods.createdAt), desc(foods.id));
    const rows = limit === undefined ? await query : await query.limit(limit);
    if (rows.length === 0) return [];
    const portionRows = await executor
      .select()
      .from(foodPortions)
      .where(
        inArray(
          foodPortions.foodId,
          rows.map((row) => row.id),
        ),
      );
    const portionsByFood = groupPortions(portionRows);
    return rows.map((row) => toCustomFood(row, portionsByFood.get(row.id) ?? []));
  }

  return {
    async listCustomFoods(userId, page) {
      const after = page.cursor === undefined ? null : decodeCreatedCursor(page.cursor);
      const position = after
        ? or(
            lt(foods.createdAt, after.createdAt),
            and(eq(foods.createdAt, after.createdAt), lt(foods.id, after.id)),
          )
        : undefined;

      const rows = await loadMany(db, [eq(foods.userId, userId), position], page.limit + 1);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > page.limit && last ? encodeCreatedCursor(last.createdAt, last.id) : null,
      };
    },

    async getCustomFood(userId, foodId) {
      const found = await loadMany(db, [eq(foods.id, foodId), eq(foods.userId, userId)]);
      return found[0] ?? null;
    },

    async createCustomFood(userId, input) {
      const now = clock.now();
      const id = randomUUID();

      await db.transaction(async (tx) => {
        await tx.insert(foods).values({
          id,
          userId,
          source: "custom",
          name: input.name,
          foodGroup: input.group,
          ...per100gColumns(input.per100g),
          createdAt: now,
          updatedAt: now,
        });
        await insertPortions(tx, id, input.portions);
      });
      return load(db, userId, id);
    },

    async updateCustomFood(userId, foodId, patch, expectedVersion) {
      return db.transaction(async (tx) => {
        const changes: PgUpdateSetSource<typeof foods> = {
          updatedAt: clock.now(),
          version: sql`${foods.version} + 1`,
        };
        if (patch.name !== undefined) changes.name = patch.name;
        if (patch.group !== undefined) changes.foodGroup = patch.group;
        if (patch.per100g !== undefined) Object.assign(changes, per100gColumns(patch.per100g));

        const updated = await tx
          .update(foods)
          .set(changes)
          .where(ownedAtVersion(userId, foodId, expectedVersion))
          .returning({ id: foods.id });
        if (updated.length === 0) await throwMissingOrChanged(tx, userId, foodId);

        if (patch.portions !== undefined) {
          await tx.delete(foodPortions).where(eq(foodPortions.foodId, foodId));
          await insertPortions(tx, foodId, patch.portions);
        }
        return load(tx, userId, foodId);
      });
    },

    async deleteCustomFood(userId, foodId, expectedVersion) {
      const deleted = await db
        .delete(foods)
        .where(ownedAtVersion(userId, foodId, expectedVersion))
        .returning({ id: foods.id });
      if (deleted.length === 0) await throwMissingOrChanged(db, userId, foodId);
    },

    async exportRows(userId, executor = db) {
      const found = await loadMany(executor, [eq(foods.userId, userId)]);
      return found.reverse().map(toRecord);
    },

    async importRows(tx, userId, rows) {
      const existing = await loadMany(tx, [eq(foods.userId, userId)]);
      const known = new Map(existing.map((food) => [recordKey(toRecord(food)), toRecord(food)]));

      const ids: FoodIdMap = new Map();
      const foodRows: (typeof foods.$inferInsert)[] = [];
      const portionRows: (typeof foodPortions.$inferInsert)[] = [];
      for (const record of rows) {
        const key = recordKey(record);
        const match = known.get(key);
        if (match) {
          mapIds(ids, record, match);
          continue;
        }

        const food = { ...record, id: randomUUID() };
        food.portions = record.portions.map((portion) => ({ ...portion, id: randomUUID() }));
        mapIds(ids, record, food);
        known.set(key, food);
        foodRows.push({
          id: food.id,
          userId,
          source: "custom",
          name: record.name,
          foodGroup: record.group,
          ...per100gColumns(record.per100g),
          createdAt: new Date(record.createdAt),
          updatedAt: new Date(record.updatedAt),
        });
        food.portions.forEach((portion, index) => {
          portionRows.push({
            id: portion.id,
            foodId: food.id,
            position: index + 1,
            amount: decimalText(portion.amount),
            unit: portion.unit,
            grams: decimalText(portion.grams),
          });
        });
      }

      for (let start = 0; start < foodRows.length; start += IMPORT_BATCH_ROWS) {
        await tx.insert(foods).values(foodRows.slice(start, start + IMPORT_BATCH_ROWS));
      }
      for (let start = 0; start < portionRows.length; start += IMPORT_BATCH_ROWS) {
        await tx.insert(foodPortions).values(portionRows.slice(start, start + IMPORT_BATCH_ROWS));
      }
      return ids;
    },
  };
}

function ownedAtVersion(userId: string, foodId: string, expectedVersion: number | null) {
  return and(
    eq(foods.id, foodId),
    eq(foods.userId, userId),
    expectedVersion === null ? undefined : eq(foods.version, expectedVersion),
  );
}

async function throwMissingOrChanged(
  executor: Executor,
  userId: string,
  foodId: string,
): Promise<never> {
  const rows = await executor
    .select({ id: foods.id })
    .from(foods)
    .where(and(eq(foods.id, foodId), eq(foods.userId, userId)));
  if (rows.length > 0) throw versionConflict(`Custom food ${foodId}`);
  throw notFound(`Custom food ${foodId}`);
}

async function insertPortions(
  executor: Executor,
  foodId: string,
  portions: PortionInput[],
): Promise<void> {
  if (portions.length === 0) return;
  await executor.insert(foodPortions).values(portionInserts(foodId, portions));
}

function portionInserts(
  foodId: string,
  portions: PortionInput[],
): (typeof foodPortions.$inferInsert)[] {
  return portions.map((portion, index) => ({
    id: randomUUID(),
    foodId,
    position: index + 1,
    amount: decimalText(portion.amount),
    unit: portion.unit,
    grams: decimalText(portion.grams),
  }));
}

function per100gColumns(values: Per100gInput): Pick<FoodRow, (typeof PER_100G_FIELDS)[number]> {
  const columns = {} as Pick<FoodRow, (typeof PER_100G_FIELDS)[number]>;
  for (const field of PER_100G_FIELDS) {
    const value = values[field];
    columns[field] = value === null ? null : decimalText(value);
  }
  return columns;
}

function decimalText(value: number): string {
  return formatDecimal(decimalFromNumber(value));
}

function toCustomFood(row: FoodRow, portions: FoodPortionRow[]): CustomFood {
  return {
    ...toFood(row, portions),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toRecord(food: CustomFood): CustomFoodRecord {
  const kcal = food.per100g.kcal;
  // Custom foods are only ever written with kcal, which the create and patch schemas require.
  if (kcal === null) throw new Error(`custom food ${food.id} has no kcal`);
  return {
    id: food.id,
    name: food.name,
    group: food.group,
    per100g: { ...food.per100g, kcal },
    portions: food.portions,
    createdAt: food.createdAt,
    updatedAt: food.updatedAt,
  };
}

/** Content of an exported food without its ids, which differ between accounts. */
function recordKey(record: CustomFoodRecord): string {
  const portions = record.portions.map(({ amount, unit, grams }) => [amount, unit, grams]);
  const createdAt = new Date(record.createdAt).toISOString();
  return JSON.stringify([record.name, record.group, createdAt, record.per100g, portions]);
}

/** Records the ids an exported food and its portions have in this account, portions by position. */
function mapIds(ids: FoodIdMap, exported: CustomFoodRecord, stored: CustomFoodRecord): void {
  ids.set(exported.id, stored.id);
  exported.portions.forEach((portion, index) => {
    const storedPortion = stored.portions[index];
    if (storedPortion) ids.set(portion.id, storedPortion.id);
  });
}
