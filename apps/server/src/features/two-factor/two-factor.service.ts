import { and, eq, isNull, lt, or } from "drizzle-orm";
import { loadQrCode } from "../../platform/lazy-modules";

import type { Clock } from "../../platform/clock";
import type { SecretBox } from "../../platform/crypto";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import { users } from "../accounts/accounts.tables";
import { recoveryCodes } from "./two-factor.tables";
import {
  generateRecoveryCode,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  totpUri,
} from "./totp";

export const RECOVERY_CODE_COUNT = 10;

export type SecondFactor = { code: string } | { recoveryCode: string };

export interface TwoFactorService {
  isEnabled(userId: string): Promise<boolean>;
  /** Stores a new pending secret and returns what the authenticator app needs. */
  setup(
    userId: string,
    accountEmail: string,
  ): Promise<{ secret: string; otpauthUri: string; qrCode: string }>;
  /** Turns 2FA on with a code from the pending secret; returns the recovery codes, shown once. */
  enable(tx: Executor, userId: string, code: string): Promise<string[]>;
  disable(tx: Executor, userId: string): Promise<void>;
  replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]>;
  /**
   * Checks a TOTP code or recovery code and uses it up in one conditional write, so of several
   * concurrent requests with the same code exactly one passes. Returns the kind that passed.
   */
  consumeSecondFactor(
    executor: Executor,
    userId: string,
    factor: SecondFactor,
  ): Promise<"totp" | "recovery-code" | null>;
}

export function createTwoFactorService(deps: {
  db: Database;
  clock: Clock;
  secretBox: SecretBox;
}): TwoFactorService {
  async function consumeTotp(
    executor: Executor,
    userId: string,
    code: string,
    secretColumn: "active" | "pending",
  ): Promise<boolean> {
    const rows = await executor
      .select({ active: users.totpSecretEncrypted, pending: users.totpPendingSecretEncrypted })
      .from(users)
      .where(eq(users.id, userId))
      .limit(1);
    const sealed = rows[0]?.[secretColumn];
    if (!sealed) return false;

    const step = matchTotpStep(deps.secretBox.decrypt(sealed), code, deps.clock.now());
    if (step === null) return false;

    // Each time step is accepted once per user: replaying a code, even within its 30 seconds or
    // in a parallel request, finds the step already recorded and fails.
    const updated = await executor
      .update(users)
      .set({ totpLastStep: step })
      .where(
        and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))),
      )
      .returning({ id: users.id });
    return updated.length > 0;
  }

  async function insertRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
    const now = deps.clock.now();
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code), createdAt: now })));
    return codes;
  }

  return {
    async isEnabled(userId) {
      const rows = await deps.db
        .select({ enabledAt: users.totpEnabledAt })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      return Boolean(rows[0]?.enabledAt);
    },

    async setup(userId, accountEmail) {
      if (await this.isEnabled(userId)) {
        throw problem("conflict", {
          detail: "Two-factor authentication is already on; turn it off first to set up a new app.",
        });
      }
      const secret = generateTotpSecret();
      await deps.db
        .update(users)
        .set({ totpPendingSecretEncrypted: deps.secretBox.encrypt(secret) })
        .where(eq(users.id, userId));
      const otpauthUri = totpUri(secret, accountEmail);
      const QRCode = await loadQrCode();
      const qrCode = await QRCode.toDataURL(otpauthUri, {
        errorCorrectionLevel: "M",
        margin: 2,
        width: 240,
      });
      return { secret, otpauthUri, qrCode };
    },

    async enable(tx, userId, code) {
      const rows = await tx
        .select({ enabledAt: users.totpEnabledAt, pending: users.totpPendingSecretEncrypted })
        .from(users)
        .where(eq(users.id, userId))
        .for("update");
      const row = rows[0];
      if (row?.enabledAt)
        throw problem("conflict", { detail: "Two-factor authentication is already on." });
      if (!row?.pending)
        throw problem("conflict", {
          detail: "Start the setup first: no authenticator app is waiting to be confirmed.",
        });

      // The confirming code is consumed like any login code, so it cannot be replayed afterwards.
      if (!(await consumeTotp(tx, userId, code, "pending"))) {
        throw problem("invalid-code", {
          detail: "The code is wrong or already used; enter the current code from your app.",
        });
      }
      await tx
        .update(users)
        .set({
          totpSecretEncrypted: row.pending,
          totpPendingSecretEncrypted: null,
          totpEnabledAt: deps.clock.now(),
        })
        .where(eq(users.id, userId));
      return insertRecoveryCodes(tx, userId);
    },

    async disable(tx, userId) {
      await tx
        .update(users)
        .set({ totpSecretEncrypted: null, totpPendingSecretEncrypted: null, totpEnabledAt: null })
        .where(eq(users.id, userId));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    },

    replaceRecoveryCodes: insertRecoveryCodes,

    async consumeSecondFactor(executor, userId, factor) {
      if ("code" in factor) {
        return (await consumeTotp(executor, userId, factor.code, "active")) ? "totp" : null;
      }
      const used = await executor
        .update(recoveryCodes)
        .set({ usedAt: deps.clock.now() })
        .where(
          and(
            eq(recoveryCodes.userId, userId),
            eq(recoveryCodes.codeHash, hashRecoveryCode(factor.recoveryCode)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      return used.length > 0 ? "recovery-code" : null;
    },
  };
}
