import { and, eq, sql } from "drizzle-orm";
import type { Meal } from "@fitcoach/contract";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { notFound } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import { processMealPhoto } from "./meal-photo-files";
import type { MealPhotoStore } from "./meal-photo-files";
import { loadOwnedMeal } from "./meal-rows";
import { meals } from "./meals.tables";

export interface MealPhotosService {
  /** Checks, re-encodes and stores a photo for a meal, replacing the previous one. */
  attachPhoto(
    userId: string,
    mealId: string,
    upload: Buffer,
    expectedVersion: number | null,
  ): Promise<Meal>;
  /** Finds the meal's photo file and its size; null when the meal has none or is not the user's. */
  findPhoto(userId: string, mealId: string): Promise<{ path: string; bytes: number } | null>;
  removePhoto(userId: string, mealId: string, expectedVersion: number | null): Promise<Meal>;
  /** Deletes every stored photo file of a user, for the purge of a deleted account. */
  removeAllPhotos(userId: string): Promise<void>;
}

export interface MealPhotosServiceDependencies {
  db: Database;
  clock: Clock;
  logger: Logger;
  photos: MealPhotoStore;
  maxPixels: number;
}

export function createMealPhotosService(deps: MealPhotosServiceDependencies): MealPhotosService {
  const { db, clock, photos } = deps;

  /** Locks the meal row for the photo change and checks the version the client expects. */
  async function lockMeal(
    tx: Executor,
    userId: string,
    mealId: string,
    expectedVersion: number | null,
  ): Promise<{ photoFile: string | null }> {
    const rows = await tx
      .select({ photoFile: meals.photoFile, version: meals.version })
      .from(meals)
      .where(and(eq(meals.id, mealId), eq(meals.userId, userId)))
      .for("update");
    const row = rows[0];
    if (!row) throw notFound(`Meal ${mealId}`);
    if (expectedVersion !== null && row.version !== expectedVersion) {
      throw versionConflict(`Meal ${mealId}`);
    }
    return row;
  }

  return {
    async attachPhoto(userId, mealId, upload, expectedVersion) {
      // Checked before the costly image work, and again under the row lock below.
      await lockMeal(db, userId, mealId, expectedVersion);

      const processed = await processMealPhoto(upload, { maxPixels: deps.maxPixels });
      const fileName = await photos.save(userId, processed.data);
      let previous: string | null;
      try {
        previous = await db.transaction(async (tx) => {
          const locked = await lockMeal(tx, userId, mealId, expectedVersion);
          await tx
            .update(meals)
            .set({
              photoFile: fileName,
              photoWidth: processed.width,
              photoHeight: processed.height,
              photoBytes: processed.data.length,
              version: sql`${meals.version} + 1`,
              updatedAt: clock.now(),
            })
            .where(eq(meals.id, mealId));
          return locked.photoFile;
        });
      } catch (error) {
        await photos.remove(userId, fileName);
        throw error;
      }

      if (previous) await photos.remove(userId, previous);
      deps.logger.info({ userId, mealId, bytes: processed.data.length }, "meal photo stored");
      return loadOwnedMeal(db, userId, mealId);
    },

    async findPhoto(userId, mealId) {
      const rows = await db
        .select({ photoFile: meals.photoFile, photoBytes: meals.photoBytes })
        .from(meals)
        .where(and(eq(meals.id, mealId), eq(meals.userId, userId)));
      const row = rows[0];
      if (!row?.photoFile) return null;
      return { path: photos.pathOf(userId, row.photoFile), bytes: row.photoBytes ?? 0 };
    },

    async removePhoto(userId, mealId, expectedVersion) {
      const previous = await db.transaction(async (tx) => {
        const locked = await lockMeal(tx, userId, mealId, expectedVersion);
        if (!locked.photoFile) throw notFound(`A photo of meal ${mealId}`);
        await tx
          .update(meals)
          .set({
            photoFile: null,
            photoWidth: null,
            photoHeight: null,
            photoBytes: null,
            version: sql`${meals.version} + 1`,
            updatedAt: clock.now(),
          })
          .where(eq(meals.id, mealId));
        return locked.photoFile;
      });

      await photos.remove(userId, previous);
      return loadOwnedMeal(db, userId, mealId);
    },

    async removeAllPhotos(userId) {
      await photos.removeAll(userId);
    },
  };
}
