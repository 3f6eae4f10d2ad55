import { and, count, eq, gt, isNull } from "drizzle-orm";

import { hashToken, randomToken } from "../../platform/crypto";
import type { Executor } from "../../platform/database";
import { actionTokens } from "./auth.tables";
import type { ActionPurpose } from "./auth.tables";

export const ACTION_TOKEN_LIFETIME_SECONDS: Record<ActionPurpose, number> = {
  "verify-email": 24 * 3600,
  "password-reset": 30 * 60,
  unlock: 24 * 3600,
  "email-change": 24 * 3600,
};

/**
 * Issues a single-use link token and voids every older unused token of the same purpose for the
 * user, so only the newest mail works. Returns the token text, which exists nowhere else.
 */
export async function issueActionToken(
  executor: Executor,
  input: { userId: string; purpose: ActionPurpose; now: Date; data?: Record<string, string> },
): Promise<string> {
  await voidActionTokens(executor, input.userId, input.purpose, input.now);

  const token = randomToken();
  await executor.insert(actionTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    data: input.data ?? null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + ACTION_TOKEN_LIFETIME_SECONDS[input.purpose] * 1000),
  });
  return token;
}

/** Marks unused tokens of a purpose as used, as a password change does for reset links. */
export async function voidActionTokens(
  executor: Executor,
  userId: string,
  purpose: ActionPurpose,
  now: Date,
): Promise<void> {
  await executor
    .update(actionTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(actionTokens.userId, userId),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
      ),
    );
}

export interface ActionTokenRow {
  id: string;
  userId: string;
  data: Record<string, string> | null;
}

/** Looks up a live token without using it, for checks that must not burn the link. */
export async function findActionToken(
  executor: Executor,
  token: string,
  purpose: ActionPurpose,
  now: Date,
): Promise<ActionTokenRow | null> {
  const rows = await executor
    .select({ id: actionTokens.id, userId: actionTokens.userId, data: actionTokens.data })
    .from(actionTokens)
    .where(
      and(
        eq(actionTokens.tokenHash, hashToken(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Uses a token in one conditional write: of any number of concurrent calls with the same token,
 * exactly one gets the row and the others get null.
 */
export async function consumeActionToken(
  executor: Executor,
  token: string,
  purpose: ActionPurpose,
  now: Date,
): Promise<ActionTokenRow | null> {
  const rows = await executor
    .update(actionTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(actionTokens.tokenHash, hashToken(token)),
        eq(actionTokens.purpose, purpose),
        isNull(actionTokens.usedAt),
        gt(actionTokens.expiresAt, now),
      ),
    )
    .returning({ id: actionTokens.id, userId: actionTokens.userId, data: actionTokens.data });
  return rows[0] ?? null;
}

/** Number of tokens of a purpose issued to the user since a time, for per-account mail limits. */
export async function countActionTokensSince(
  executor: Executor,
  userId: string,
  purpose: ActionPurpose,
  since: Date,
): Promise<number> {
  const rows = await executor
    .select({ total: count() })
    .from(actionTokens)
    .where(
      and(
        eq(actionTokens.userId, userId),
        eq(actionTokens.purpose, purpose),
        gt(actionTokens.createdAt, since),
      ),
    );
  return rows[0]?.total ?? 0;
}

/**
 * Voids every pending link that acts on the account's credentials: reset, unlock and email
 * change. A password reset, a password change or "log out everywhere" calls it, so a link that
 * an intruder requested before the owner secured the account can no longer be used.
 */
export async function voidCredentialLinks(
  executor: Executor,
  userId: string,
  now: Date,
): Promise<void> {
  for (const purpose of ["password-reset", "unlock", "email-change"] as const) {
    await voidActionTokens(executor, userId, purpose, now);
  }
}
