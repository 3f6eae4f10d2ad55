import { eq, inArray } from "drizzle-orm";
import type { Me, MePatch } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import { users } from "./accounts.tables";
import type { UserRow } from "./accounts.tables";

/** Actions denied to an account until its email address is verified. */
export const UNVERIFIED_RESTRICTIONS = [
  "export-data",
  "change-email",
  "two-factor",
  "external-coach",
  "email-reminders",
] as const;

export type UnverifiedRestriction = (typeof UNVERIFIED_RESTRICTIONS)[number];

export interface AccountsService {
  findByEmail(executor: Executor, email: string): Promise<UserRow | null>;
  findById(executor: Executor, userId: string): Promise<UserRow | null>;
  findByIds(executor: Executor, userIds: string[]): Promise<UserRow[]>;
  getMe(userId: string): Promise<Me>;
  /** Changes profile fields; pass a transaction to make the change part of a larger one. */
  updateProfile(userId: string, patch: MePatch, executor?: Executor): Promise<Me>;
  toMe(row: UserRow): Me;
}

/** Normal form of an email address for storage and lookup. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createAccountsService(deps: { db: Database; clock: Clock }): AccountsService {
  async function findById(executor: Executor, userId: string): Promise<UserRow | null> {
    const rows = await executor.select().from(users).where(eq(users.id, userId)).limit(1);
    return rows[0] ?? null;
  }

  async function getMe(userId: string): Promise<Me> {
    const row = await findById(deps.db, userId);
    if (!row) throw problem("not-found", { detail: "The account was not found." });
    return toMe(row);
  }

  return {
    async findByEmail(executor, email) {
      const rows = await executor
        .select()
        .from(users)
        .where(eq(users.email, normalizeEmail(email)))
        .limit(1);
      return rows[0] ?? null;
    },

    findById,

    async findByIds(executor, userIds) {
      if (userIds.length === 0) return [];
      return executor.select().from(users).where(inArray(users.id, userIds));
    },

    getMe,

    async updateProfile(userId, patch, executor = deps.db) {
      const { heightIn, ...fields } = patch;
      const changes: Partial<typeof users.$inferInsert> = {
        ...fields,
        updatedAt: deps.clock.now(),
      };
      // Inches are stored as centimetres with three decimals, which reads back to the entered
      // tenth of an inch exactly.
      if (heightIn !== undefined) changes.heightCm = Math.round(heightIn * 2.54 * 1000) / 1000;

      const rows = await executor
        .update(users)
        .set(changes)
        .where(eq(users.id, userId))
        .returning();
      const row = rows[0];
      if (!row) throw problem("not-found", { detail: "The account was not found." });
      return toMe(row);
    },

    toMe,
  };
}

function toMe(row: UserRow): Me {
  return {
    id: row.id,
    email: row.email,
    emailVerified: row.emailVerifiedAt !== null,
    role: row.role,
    name: row.name,
    timeZone: row.timeZone,
    units: row.units,
    locale: row.locale,
    birthDate: row.birthDate,
    sex: row.sex,
    heightCm: row.heightCm,
    activityLevel: row.activityLevel,
    waterGoalMl: row.waterGoalMl,
    weekStartsOn: row.weekStartsOn,
    twoFactorEnabled: row.totpEnabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    restrictions: row.emailVerifiedAt ? [] : [...UNVERIFIED_RESTRICTIONS],
  };
}
