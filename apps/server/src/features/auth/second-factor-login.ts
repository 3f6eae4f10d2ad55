import { and, count, eq, gt, isNull, lt, sql } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import { hashToken } from "../../platform/crypto";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { AccountsService } from "../accounts/accounts.service";
import { auditEvents } from "../audit/audit.tables";
import type { AuditService } from "../audit/audit.service";
import type { SecondFactor, TwoFactorService } from "../two-factor/two-factor.service";
import { securityNoticeMail } from "./auth-mails";
import { mfaChallenges } from "./auth.tables";
import type { LoginClient, LoginCompletion, LoginResult } from "./login-completion";

/** Wrong codes one login attempt may try before it must start over with the password. */
export const MFA_MAX_FAILED_ATTEMPTS = 5;
/** Wrong codes per account per hour from unknown devices, across all login attempts. */
export const MFA_FAILURES_PER_HOUR_MAX = 10;
const HOUR_MS = 3_600_000;

export interface SecondFactorLogin {
  complete(
    input: { mfaToken: string; factor: SecondFactor },
    client: LoginClient,
  ): Promise<LoginResult>;
}

function startOver(): Error {
  return problem("mfa-failed", {
    detail: "This login has expired or failed too often; log in with your password again.",
  });
}

/**
 * Finishes a login that passed its password with a TOTP or recovery code. Every code checked
 * first reserves one of the attempt's five tries in a conditional write, so parallel requests
 * cannot try more codes than that; across attempts, an account accepts at most ten wrong codes an
 * hour from devices it does not know. The first wrong code after a right password is mailed to
 * the owner, because it means the password is known to someone.
 */
export function createSecondFactorLogin(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  twoFactor: TwoFactorService;
  audit: AuditService;
  mail: MailSender;
  completion: LoginCompletion;
}): SecondFactorLogin {
  async function failuresInLastHour(
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
          eq(auditEvents.event, "auth.mfa.failed"),
          gt(auditEvents.createdAt, new Date(now.getTime() - HOUR_MS)),
        ),
      );
    return rows[0]?.total ?? 0;
  }

  async function recordWrongCode(
    userId: string,
    attempts: number,
    client: LoginClient,
    now: Date,
  ): Promise<void> {
    await deps.db.transaction(async (tx) => {
      // Parallel wrong codes are serialised per account here, so only the first one mails.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mfa-failure:${userId}`}))`);
      const earlier = await failuresInLastHour(tx, userId, now);
      await deps.audit.record(tx, {
        event: "auth.mfa.failed",
        userId,
        context: client.context,
        metadata: { attempts },
      });
      if (earlier > 0) return;
      const account = await deps.accounts.findById(tx, userId);
      if (!account) return;
      await deps.mail.queue(
        tx,
        securityNoticeMail(
          account.email,
          "your password was entered correctly but the two-factor code was wrong, which means someone may know your password",
          now,
        ),
      );
    });
  }

  return {
    async complete(input, client) {
      const now = deps.clock.now();
      const reserved = await deps.db
        .update(mfaChallenges)
        .set({ failedAttempts: sql`${mfaChallenges.failedAttempts} + 1` })
        .where(
          and(
            eq(mfaChallenges.tokenHash, hashToken(input.mfaToken)),
            isNull(mfaChallenges.usedAt),
            gt(mfaChallenges.expiresAt, now),
            lt(mfaChallenges.failedAttempts, MFA_MAX_FAILED_ATTEMPTS),
          ),
        )
        .returning();
      const challenge = reserved[0];
      if (!challenge) throw startOver();

      const deviceId = challenge.context.deviceId;
      if (
        !deviceId &&
        (await failuresInLastHour(deps.db, challenge.userId, now)) >= MFA_FAILURES_PER_HOUR_MAX
      ) {
        await deps.audit.record(deps.db, {
          event: "auth.mfa.blocked",
          userId: challenge.userId,
          context: client.context,
          severity: "warning",
        });
        throw problem("mfa-failed", {
          detail:
            "Too many wrong codes for this account; try again in an hour, or log in from a device you used before.",
        });
      }

      const passed = await deps.db.transaction(async (tx) => {
        const kind = await deps.twoFactor.consumeSecondFactor(tx, challenge.userId, input.factor);
        if (!kind) return null;
        const consumed = await tx
          .update(mfaChallenges)
          .set({ usedAt: now, failedAttempts: sql`${mfaChallenges.failedAttempts} - 1` })
          .where(and(eq(mfaChallenges.id, challenge.id), isNull(mfaChallenges.usedAt)))
          .returning({ id: mfaChallenges.id });
        // Another request finished this login first; roll back so this code is not spent twice.
        if (consumed.length === 0)
          throw problem("mfa-failed", {
            detail: "This login was already completed; log in again.",
          });
        return kind;
      });

      if (!passed) {
        await recordWrongCode(challenge.userId, challenge.failedAttempts, client, now);
        const left = MFA_MAX_FAILED_ATTEMPTS - challenge.failedAttempts;
        throw problem("mfa-failed", {
          detail:
            left > 0
              ? `The code is wrong or already used; ${left} attempt${left === 1 ? "" : "s"} left.`
              : "Too many wrong codes; log in with your password again.",
        });
      }

      const user = await deps.accounts.findById(deps.db, challenge.userId);
      if (!user) throw startOver();
      const loginClient: LoginClient = {
        ...client,
        type: challenge.context.clientType === "native" ? "native" : "web",
        deviceName: challenge.context.deviceName ?? undefined,
      };
      return deps.completion.completeLogin(
        user,
        deviceId ? { id: deviceId } : null,
        loginClient,
        passed,
      );
    },
  };
}
