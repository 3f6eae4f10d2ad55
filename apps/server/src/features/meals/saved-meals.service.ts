import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type {
  Meal,
  SavedMeal,
  SavedMealCreate,
  SavedMealLog,
  SavedMealPage,
  SavedMealPatch,
  SavedMealRecord,
} from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { notFound, problem } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import { decodeCreatedCursor, encodeCreatedCursor } from "../../platform/page-cursor";
import { assertLoggableDate } from "../../platform/local-date";
import type { FoodsService } from "../foods/foods.service";
import { recomputeItems, resolveItems, toMealItem, totalsOf } from "./meal-items";
import type { ItemValues } from "./meal-items";
import { importSavedMealRecords, readSavedMealRecords } from "./meal-records";
import { loadOwnedMeal } from "./meal-rows";
import type { MealsService } from "./meals.service";
import { mealItems, savedMealItems, savedMeals } from "./meals.tables";
import type { SavedMealItemRow, SavedMealRow } from "./meals.tables";

export interface SavedMealsService {
  listSavedMeals(
    userId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<SavedMealPage>;
  getSavedMeal(userId: string, savedMealId: string): Promise<SavedMeal | null>;
  createSavedMeal(userId: string, input: SavedMealCreate): Promise<SavedMeal>;
  updateSavedMeal(
    userId: string,
    savedMealId: string,
    patch: SavedMealPatch,
    expectedVersion: number | null,
  ): Promise<SavedMeal>;
  deleteSavedMeal(
    userId: string,
    savedMealId: string,
    expectedVersion: number | null,
  ): Promise<void>;
  /** Logs a saved meal on a date, with catalog and custom food items at their current values. */
  logSavedMeal(
    userId: string,
    timeZone: string,
    savedMealId: string,
    input: SavedMealLog,
  ): Promise<Meal>;
  /** The user's saved meals in the export shape, oldest first. */
  exportRows(userId: string): Promise<SavedMealRecord[]>;
  /**
   * Adds exported saved meals inside the caller's transaction; one with the same name and
   * creation time as an existing one is skipped. Returns how many were added.
   */
  importRows(
    tx: Executor,
    userId: string,
    rows: SavedMealRecord[],
    options: { foodIds: Map<string, string> },
  ): Promise<number>;
}

export interface SavedMealsServiceDependencies {
  db: Database;
  clock: Clock;
  foods: FoodsService;
  meals: MealsService;
}

type SavedMealHeader = Pick<SavedMealRow, "name" | "type" | "note">;

export function createSavedMealsService(deps: SavedMealsServiceDependencies): SavedMealsService {
  const { db, clock } = deps;

  async function loadOwned(
    executor: Executor,
    userId: string,
    savedMealId: string,
  ): Promise<SavedMeal> {
    const [found] = await loadSavedMeals(executor, ownedSavedMeal(userId, savedMealId, null));
    if (!found) throw notFound(`Saved meal ${savedMealId}`);
    return found;
  }

  async function insertSavedMeal(
    tx: Executor,
    userId: string,
    header: SavedMealHeader,
    items: ItemValues[],
  ): Promise<string> {
    const now = clock.now();
    const id = randomUUID();
    await tx.insert(savedMeals).values({ id, userId, ...header, createdAt: now, updatedAt: now });
    await insertSavedItems(tx, userId, id, items);
    return id;
  }

  async function copyMeal(
    tx: Executor,
    userId: string,
    input: SavedMealCreate & { mealId: string },
  ): Promise<string> {
    const meal = await loadOwnedMeal(tx, userId, input.mealId);
    const itemRows = await tx
      .select()
      .from(mealItems)
      .where(and(eq(mealItems.mealId, meal.id), eq(mealItems.userId, userId)))
      .orderBy(asc(mealItems.position));
    const items = itemRows.map(
      ({ id: _id, position: _position, mealId: _mealId, userId: _userId, ...values }) => values,
    );
    const header = {
      name: input.name,
      type: input.type === undefined ? meal.type : input.type,
      note: input.note === undefined ? meal.note : input.note,
    };
    return insertSavedMeal(tx, userId, header, items);
  }

  return {
    async listSavedMeals(userId, page) {
      const after = page.cursor === undefined ? null : decodeCreatedCursor(page.cursor);
      const position = after
        ? or(
            lt(savedMeals.createdAt, after.createdAt),
            and(eq(savedMeals.createdAt, after.createdAt), lt(savedMeals.id, after.id)),
          )
        : undefined;
      const rows = await loadSavedMeals(
        db,
        and(eq(savedMeals.userId, userId), position),
        page.limit + 1,
      );
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > page.limit && last ? encodeCreatedCursor(last.createdAt, last.id) : null,
      };
    },

    async getSavedMeal(userId, savedMealId) {
      const [found] = await loadSavedMeals(db, ownedSavedMeal(userId, savedMealId, null));
      return found ?? null;
    },

    async createSavedMeal(userId, input) {
      return db.transaction(async (tx) => {
        const id =
          input.mealId !== undefined
            ? await copyMeal(tx, userId, { ...input, mealId: input.mealId })
            : await insertSavedMeal(
                tx,
                userId,
                { name: input.name, type: input.type ?? null, note: input.note ?? null },
                await resolveItems(deps.foods, tx, userId, input.items ?? []),
              );
        return loadOwned(tx, userId, id);
      });
    },

    async updateSavedMeal(userId, savedMealId, patch, expectedVersion) {
      return db.transaction(async (tx) => {
        const items =
          patch.items === undefined
            ? undefined
            : await resolveItems(deps.foods, tx, userId, patch.items);
        const changes: PgUpdateSetSource<typeof savedMeals> = {
          updatedAt: clock.now(),
          version: sql`${savedMeals.version} + 1`,
        };
        if (patch.name !== undefined) changes.name = patch.name;
        if (patch.type !== undefined) changes.type = patch.type;
        if (patch.note !== undefined) changes.note = patch.note;

        const updated = await tx
          .update(savedMeals)
          .set(changes)
          .where(ownedSavedMeal(userId, savedMealId, expectedVersion))
          .returning({ id: savedMeals.id });
        if (updated.length === 0) await throwMissingOrChanged(tx, userId, savedMealId);

        if (items !== undefined) {
          await tx.delete(savedMealItems).where(eq(savedMealItems.savedMealId, savedMealId));
          await insertSavedItems(tx, userId, savedMealId, items);
        }
        return loadOwned(tx, userId, savedMealId);
      });
    },

    async deleteSavedMeal(userId, savedMealId, expectedVersion) {
      const deleted = await db
        .delete(savedMeals)
        .where(ownedSavedMeal(userId, savedMealId, expectedVersion))
        .returning({ id: savedMeals.id });
      if (deleted.length === 0) await throwMissingOrChanged(db, userId, savedMealId);
    },

    async logSavedMeal(userId, timeZone, savedMealId, input) {
      assertLoggableDate(input.date, timeZone, clock.now());

      return db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(savedMeals)
          .where(ownedSavedMeal(userId, savedMealId, null));
        const saved = rows[0];
        if (!saved) throw notFound(`Saved meal ${savedMealId}`);
        const type = input.type ?? saved.type;
        if (type === null) {
          throw problem("validation-failed", {
            detail: `Saved meal ${savedMealId} has no meal type; send one with the request.`,
            errors: [{ field: "type", message: "is required because the saved meal has none" }],
          });
        }

        const itemRows = await tx
          .select()
          .from(savedMealItems)
          .where(eq(savedMealItems.savedMealId, saved.id))
          .orderBy(asc(savedMealItems.position));
        const items = await recomputeItems(deps.foods, tx, userId, itemRows);
        const mealId = await deps.meals.insertMeal(
          tx,
          userId,
          { date: input.date, type, note: saved.note },
          items,
        );
        return loadOwnedMeal(tx, userId, mealId);
      });
    },

    async exportRows(userId) {
      return readSavedMealRecords(db, userId);
    },

    async importRows(tx, userId, rows, options) {
      return importSavedMealRecords(tx, userId, rows, options);
    },
  };
}

async function loadSavedMeals(
  executor: Executor,
  where: SQL | undefined,
  limit?: number,
): Promise<SavedMeal[]> {
  const query = executor
    .select()
    .from(savedMeals)
    .where(where)
    .orderBy(desc(savedMeals.createdAt), desc(savedMeals.id));
  const rows = limit === undefined ? await query : await query.limit(limit);
  if (rows.length === 0) return [];

  const itemRows = await executor
    .select()
    .from(savedMealItems)
    .where(
      inArray(
        savedMealItems.savedMealId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(savedMealItems.savedMealId), asc(savedMealItems.position));
  const itemsBySavedMeal = new Map<string, SavedMealItemRow[]>();
  for (const item of itemRows) {
    const list = itemsBySavedMeal.get(item.savedMealId) ?? [];
    list.push(item);
    itemsBySavedMeal.set(item.savedMealId, list);
  }
  return rows.map((row) => toSavedMeal(row, itemsBySavedMeal.get(row.id) ?? []));
}

async function insertSavedItems(
  executor: Executor,
  userId: string,
  savedMealId: string,
  items: ItemValues[],
): Promise<void> {
  if (items.length === 0) return;
  await executor
    .insert(savedMealItems)
    .values(items.map((item, index) => ({ ...item, userId, savedMealId, position: index + 1 })));
}

function toSavedMeal(row: SavedMealRow, items: SavedMealItemRow[]): SavedMeal {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    note: row.note,
    items: items.map(toMealItem),
    totals: totalsOf(items),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function ownedSavedMeal(
  userId: string,
  savedMealId: string,
  expectedVersion: number | null,
): SQL | undefined {
  return and(
    eq(savedMeals.id, savedMealId),
    eq(savedMeals.userId, userId),
    expectedVersion === null ? undefined : eq(savedMeals.version, expectedVersion),
  );
}

async function throwMissingOrChanged(
  executor: Executor,
  userId: string,
  savedMealId: string,
): Promise<never> {
  const rows = await executor
    .select({ id: savedMeals.id })
    .from(savedMeals)
    .where(ownedSavedMeal(userId, savedMealId, null));
  if (rows.length > 0) throw versionConflict(`Saved meal ${savedMealId}`);
  throw notFound(`Saved meal ${savedMealId}`);
}
