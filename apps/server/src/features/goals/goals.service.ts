import { eq, sql } from "drizzle-orm";
import type { Goals, GoalsPut } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { versionConflict } from "../../platform/etag";
import { readWeight, storeWeight } from "../../platform/units";
import type { AccountsService } from "../accounts/accounts.service";
import { goals } from "./goals.tables";
import type { GoalsRow } from "./goals.tables";

export interface GoalsService {
  get(userId: string): Promise<Goals>;
  /** Changes the fields sent; null clears a target. */
  update(userId: string, input: GoalsPut, expected: number | null): Promise<Goals>;
  /** The stored row (or null) and the profile's water goal, for the card and exports. */
  row(executor: Executor, userId: string): Promise<GoalsRow | null>;
  toGoals(row: GoalsRow | null, profileWaterMl: number): Goals;
}

export function createGoalsService(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
}): GoalsService {
  async function row(executor: Executor, userId: string): Promise<GoalsRow | null> {
    const rows = await executor.select().from(goals).where(eq(goals.userId, userId)).limit(1);
    return rows[0] ?? null;
  }

  return {
    row,
    toGoals,

    async get(userId) {
      const [stored, me] = await Promise.all([row(deps.db, userId), deps.accounts.getMe(userId)]);
      return toGoals(stored, me.waterGoalMl);
    },

    async update(userId, input, expected) {
      const { targetWeightKg, targetWeightLb, ...targets } = input;
      const weight = storeWeight({ kg: targetWeightKg, lb: targetWeightLb });
      const changes = {
        ...targets,
        ...(weight === undefined
          ? {}
          : {
              targetWeightValue: weight?.value ?? null,
              targetWeightUnit: weight?.unit ?? null,
              targetWeightKg: weight?.metric ?? null,
            }),
        updatedAt: deps.clock.now(),
      };

      const current = await row(deps.db, userId);
      if (expected !== null && (current?.version ?? 0) !== expected) throw versionConflict("Goals");
      let saved: GoalsRow | undefined;
      if (!current) {
        const inserted = await deps.db
          .insert(goals)
          .values({ userId, ...changes })
          .onConflictDoNothing()
          .returning();
        saved = inserted[0];
      } else {
        const updated = await deps.db
          .update(goals)
          .set({ ...changes, version: sql`${goals.version} + 1` })
          .where(sql`${goals.userId} = ${userId} and ${goals.version} = ${current.version}`)
          .returning();
        saved = updated[0];
      }
      // Another request created or changed the goals between the read and the write.
      if (!saved) throw versionConflict("Goals");
      const me = await deps.accounts.getMe(userId);
      return toGoals(saved, me.waterGoalMl);
    },
  };
}

function toGoals(row: GoalsRow | null, profileWaterMl: number): Goals {
  const weight = readWeight(row?.targetWeightValue ?? null, row?.targetWeightUnit ?? null);
  return {
    targetWeightKg: weight.kg,
    targetWeightLb: weight.lb,
    targetWeightUnit: weight.unit,
    kcal: row?.kcal ?? null,
    proteinG: row?.proteinG ?? null,
    carbsG: row?.carbsG ?? null,
    fatG: row?.fatG ?? null,
    fiberG: row?.fiberG ?? null,
    waterMl: row?.waterMl ?? profileWaterMl,
    sleepMin: row?.sleepMin ?? null,
    steps: row?.steps ?? null,
    weeklyWorkouts: row?.weeklyWorkouts ?? null,
    version: row?.version ?? 0,
  };
}
