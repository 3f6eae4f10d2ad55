import { and, count, eq, gt, sql } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Database, Executor } from "../../platform/database";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { RequestContext } from "../../platform/request-context";
import { users } from "../accounts/accounts.tables";
import type { UserRow } from "../accounts/accounts.tables";
import { auditEvents } from "../audit/audit.tables";
import type { AuditService } from "../audit/audit.service";
import { issueActionToken } from "./action-tokens";
import { accountLockedMail, frontendLink } from "./auth-mails";
import { knownDevices } from "./auth.tables";
import { KeyedMutex } from "../../platform/keyed-mutex";
import { applyFailure, isLocked } from "./lockout-policy";

/** Wrong passwords in a row after which a known device counts as unknown again. */
const KNOWN_DEVICE_MAX_FAILURES = 10;
/** Lock notices mailed per account per hour; further locks still apply but are not mailed. */
const LOCK_MAILS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/** Whether an unknown device may try a password for an account now. */
export type AttemptCheck =
  { allowed: true } | { allowed: false; reason: "locked" | "hourly-ceiling" };

/**
 * Brute-force rules for password logins from devices the account does not know. Attempts on one
 * account run one at a time in each instance (`runExclusive`), each checking the lock state that
 * the previous one left, so a burst of parallel guesses gets no more tries than sequential ones:
 * the threshold, plus at most one more per additional server instance.
 */
export interface BruteForceGuard {
  checkAttempt(user: UserRow): Promise<AttemptCheck>;
  runExclusive<T>(userId: string, work: () => Promise<T>): Promise<T>;
  /** Counts a wrong password; may start a lock, mailing an unlock link (at most 3 an hour). */
  recordFailure(user: UserRow, context: RequestContext): Promise<void>;
  recordKnownDeviceFailure(deviceId: string): Promise<void>;
}

export function createBruteForceGuard(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  audit: AuditService;
  mail: MailSender;
}): BruteForceGuard {
  const policy = deps.config.auth;
  const attempts = new KeyedMutex();

  // Failures from all addresses in the last hour, counted only since the last password change:
  // guesses at an old password say nothing about the new one, so a reset lifts the ceiling.
  async function recentFailures(executor: Executor, user: UserRow, now: Date): Promise<number> {
    const hourAgo = new Date(now.getTime() - HOUR_MS);
    const since = user.passwordChangedAt > hourAgo ? user.passwordChangedAt : hourAgo;
    const rows = await executor
      .select({ total: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.userId, user.id),
          eq(auditEvents.event, "auth.login.failed"),
          gt(auditEvents.createdAt, since),
        ),
      );
    return rows[0]?.total ?? 0;
  }

  async function lockMailsInLastHour(
    executor: Executor,
    userId: string,
    now: Date,
  ): Promise<number> {
    const rows = await executor
      .select({ total: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.userId, userId),
          eq(auditEvents.event, "auth.account.locked"),
          gt(auditEvents.createdAt, new Date(now.getTime() - HOUR_MS)),
        ),
      );
    return rows[0]?.total ?? 0;
  }

  return {
    async checkAttempt(user) {
      const now = deps.clock.now();
      const rows = await deps.db.select().from(users).where(eq(users.id, user.id)).limit(1);
      const current = rows[0];
      if (!current || isLocked(current, now)) return { allowed: false, reason: "locked" as const };
      if ((await recentFailures(deps.db, current, now)) >= policy.loginFailuresPerHourMax) {
        return { allowed: false, reason: "hourly-ceiling" as const };
      }
      return { allowed: true };
    },

    runExclusive: (userId, work) => attempts.run(userId, work),

    async recordFailure(user, context) {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        await deps.audit.record(tx, {
          event: "auth.login.failed",
          userId: user.id,
          context,
          metadata: { reason: "wrong-password", knownDevice: false },
        });
        const rows = await tx.select().from(users).where(eq(users.id, user.id)).for("update");
        const current = rows[0];
        if (!current) return;
        const outcome = applyFailure(current, now, policy);
        await tx.update(users).set(outcome.next).where(eq(users.id, user.id));
        if (outcome.newLockMinutes === null) return;

        await deps.audit.record(tx, {
          event: "auth.account.locked",
          userId: user.id,
          context,
          severity: "warning",
          metadata: { minutes: outcome.newLockMinutes, level: outcome.next.lockLevel },
        });
        // Serialises lock mails per account, so parallel failures cannot exceed the hourly cap.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lock-mail:${user.id}`}))`);
        if ((await lockMailsInLastHour(tx, user.id, now)) > LOCK_MAILS_PER_HOUR) return;
        const token = await issueActionToken(tx, { userId: user.id, purpose: "unlock", now });
        await deps.mail.queue(
          tx,
          accountLockedMail(
            user.email,
            frontendLink(deps.config.frontendUrl, "/unlock", token),
            outcome.newLockMinutes,
          ),
        );
      });
    },

    async recordKnownDeviceFailure(deviceId) {
      // Failures from a known device do not lock the account, but enough of them strip the device
      // of its trusted status, so a stolen device token cannot guess forever.
      const now = deps.clock.now();
      await deps.db
        .update(knownDevices)
        .set({
          failedAttempts: sql`${knownDevices.failedAttempts} + 1`,
          revokedAt: sql`case when ${knownDevices.failedAttempts} + 1 >= ${KNOWN_DEVICE_MAX_FAILURES} then ${now}::timestamptz else null end`,
        })
        .where(eq(knownDevices.id, deviceId));
    },
  };
}
