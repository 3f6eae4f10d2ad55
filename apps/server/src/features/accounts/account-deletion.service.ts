import { rm } from "node:fs/promises";
import path from "node:path";
import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Database } from "../../platform/database";
import { idempotencyKeys } from "../../platform/idempotency/idempotency.tables";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { RequestContext } from "../../platform/request-context";
import type { AuditService } from "../audit/audit.service";
import { securityNoticeMail } from "../auth/auth-mails";
import type { CredentialsService } from "../auth/credentials.service";
import type { AuthenticatedUser, SessionsService } from "../auth/sessions.service";
import { users } from "./accounts.tables";

/** Accounts purged per run of the periodic job; the next run takes the rest. */
const PURGE_BATCH_SIZE = 50;
const DAY_MS = 86_400_000;

export interface AccountDeletionService {
  /**
   * Disables the account at once and schedules its purge after the grace period. Every session
   * ends; logging in again before the purge cancels the deletion.
   */
  requestDeletion(
    user: AuthenticatedUser,
    password: string,
    context: RequestContext,
  ): Promise<{ deletionDueAt: Date }>;
  /**
   * Disables an account for an administrator, without the password check: the same effects as
   * requestDeletion, recorded as requested by an administrator.
   */
  scheduleDeletion(userId: string, context: RequestContext): Promise<{ deletionDueAt: Date }>;
  /** Deletes the rows and files of every account whose grace period is over; returns the count. */
  purgeDue(): Promise<number>;
  /**
   * Deletes one account's rows and files at once, without a grace period, for an administrator.
   * Returns false when no such account exists.
   */
  purgeNow(userId: string, context: RequestContext): Promise<boolean>;
}

/** Folders under DATA_DIR that hold a user's files, each in a subfolder named by the user id. */
export const USER_FILE_FOLDERS = ["uploads", "imports"] as const;

export function createAccountDeletionService(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  logger: Logger;
  credentials: CredentialsService;
  sessions: SessionsService;
  audit: AuditService;
  mail: MailSender;
}): AccountDeletionService {
  const log = deps.logger.child({ component: "account-deletion" });

  /**
   * Deletes one account. A purge by an administrator (`immediateContext` set) skips the grace
   * period check and is recorded with the administrator's request context.
   */
  async function purgeOne(
    userId: string,
    now: Date,
    immediateContext: RequestContext | null = null,
  ): Promise<boolean> {
    const purged = await deps.db.transaction(async (tx) => {
      // The row is locked and checked again: a login in the meantime cancels the deletion.
      const rows = await tx
        .select({ deletionDueAt: users.deletionDueAt, disabledAt: users.disabledAt })
        .from(users)
        .where(eq(users.id, userId))
        .for("update");
      const row = rows[0];
      if (!row) return false;
      if (!immediateContext && (!row.deletionDueAt || row.deletionDueAt > now)) return false;

      // Every user-owned table references users with ON DELETE CASCADE, so one delete removes
      // the account's entries, workouts, goals, sessions and imports together.
      await tx.delete(users).where(eq(users.id, userId));
      await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId));
      await deps.audit.record(tx, {
        event: "account.deleted",
        userId,
        context: immediateContext,
        ...(immediateContext ? { severity: "warning" as const } : {}),
        metadata: immediateContext
          ? { requestedBy: "admin", immediate: true }
          : {
              requestedAt: row.disabledAt?.toISOString() ?? null,
              graceDays: deps.config.auth.accountDeletionGraceDays,
            },
      });
      return true;
    });
    if (!purged) return false;

    for (const folder of USER_FILE_FOLDERS) {
      await rm(path.join(deps.config.dataDir, folder, userId), { recursive: true, force: true });
    }
    log.info({ userId }, "account purged");
    return true;
  }

  async function disable(
    userId: string,
    email: string,
    context: RequestContext,
    requestedBy: "user" | "admin",
  ): Promise<{ deletionDueAt: Date }> {
    const now = deps.clock.now();
    const deletionDueAt = new Date(
      now.getTime() + deps.config.auth.accountDeletionGraceDays * DAY_MS,
    );

    await deps.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ disabledAt: now, deletionDueAt, updatedAt: now })
        .where(eq(users.id, userId));
      const revoked = await deps.sessions.revokeAllSessions(tx, userId, "account-deletion");
      await deps.audit.record(tx, {
        event: "account.deletion.requested",
        userId,
        context,
        severity: "warning",
        metadata: {
          deletionDueAt: deletionDueAt.toISOString(),
          sessionsRevoked: revoked,
          requestedBy,
        },
      });
      await deps.mail.queue(
        tx,
        securityNoticeMail(
          email,
          `deletion of your account was requested; it and all its data will be erased on ${deletionDueAt.toISOString().slice(0, 10)} unless you log in before then`,
          now,
        ),
      );
    });
    return { deletionDueAt };
  }

  return {
    async requestDeletion(user, password, context) {
      const account = await deps.credentials.assertPassword(user.userId, password, context);
      return disable(user.userId, account.email, context, "user");
    },

    async scheduleDeletion(userId, context) {
      const rows = await deps.db
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      if (!rows[0]) throw new Error(`No account ${userId}.`);
      return disable(userId, rows[0].email, context, "admin");
    },

    async purgeNow(userId, context) {
      return purgeOne(userId, deps.clock.now(), context);
    },

    async purgeDue() {
      const now = deps.clock.now();
      const due = await deps.db
        .select({ id: users.id })
        .from(users)
        .where(and(isNotNull(users.deletionDueAt), lte(users.deletionDueAt, now)))
        .orderBy(asc(users.deletionDueAt))
        .limit(PURGE_BATCH_SIZE);
      let purged = 0;
      for (const user of due) {
        if (await purgeOne(user.id, now)) purged += 1;
      }
      return purged;
    },
  };
}
