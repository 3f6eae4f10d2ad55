import { and, count, eq, gt } from "drizzle-orm";
import type { RegisterRequest } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { RequestContext } from "../../platform/request-context";
import { users } from "../accounts/accounts.tables";
import { normalizeEmail } from "../accounts/accounts.service";
import type { AccountsService } from "../accounts/accounts.service";
import { auditEvents } from "../audit/audit.tables";
import type { AuditService } from "../audit/audit.service";
import {
  consumeActionToken,
  countActionTokensSince,
  findActionToken,
  issueActionToken,
  voidActionTokens,
} from "./action-tokens";
import type { ActionPurpose } from "./auth.tables";
import {
  frontendLink,
  passwordResetMail,
  registrationAttemptMail,
  securityNoticeMail,
  verifyEmailMail,
} from "./auth-mails";
import { CLEARED_FAILURE_STATE } from "./lockout-policy";
import type { PasswordHasher } from "./password-hasher";
import { assertStrongPassword } from "./password-policy";
import type { SessionsService } from "./sessions.service";

export interface AccountRecoveryService {
  register(input: RegisterRequest, context: RequestContext): Promise<void>;
  verifyEmail(token: string, context: RequestContext): Promise<void>;
  resendVerification(email: string, context: RequestContext): Promise<void>;
  forgotPassword(email: string, context: RequestContext): Promise<void>;
  resetPassword(token: string, password: string, context: RequestContext): Promise<void>;
  unlock(token: string, context: RequestContext): Promise<void>;
}

function invalidToken(): Error {
  return problem("invalid-token", {
    detail: "The link is invalid, expired or already used; ask for a new one.",
  });
}

export function createAccountRecoveryService(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  hasher: PasswordHasher;
  accounts: AccountsService;
  sessions: SessionsService;
  audit: AuditService;
  mail: MailSender;
}): AccountRecoveryService {
  const mailLimit = deps.config.rateLimits.accountMail;

  // Per-account mail limits count durable rows, so they hold across instances and restarts.
  async function mayMail(userId: string, purpose: ActionPurpose): Promise<boolean> {
    const since = new Date(deps.clock.now().getTime() - mailLimit.windowSeconds * 1000);
    return (await countActionTokensSince(deps.db, userId, purpose, since)) < mailLimit.max;
  }

  async function mayMailRegistrationAttempt(userId: string): Promise<boolean> {
    const since = new Date(deps.clock.now().getTime() - mailLimit.windowSeconds * 1000);
    const rows = await deps.db
      .select({ total: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.userId, userId),
          eq(auditEvents.event, "auth.register.existing-email"),
          gt(auditEvents.createdAt, since),
        ),
      );
    return (rows[0]?.total ?? 0) < mailLimit.max;
  }

  async function sendRegistrationAttemptNotice(
    userId: string,
    email: string,
    context: RequestContext,
  ): Promise<void> {
    if (!(await mayMailRegistrationAttempt(userId))) return;
    await deps.db.transaction(async (tx) => {
      await deps.audit.record(tx, { event: "auth.register.existing-email", userId, context });
      await deps.mail.queue(
        tx,
        registrationAttemptMail(
          email,
          `${deps.config.frontendUrl}/login`,
          `${deps.config.frontendUrl}/forgot-password`,
        ),
      );
    });
  }

  return {
    /**
     * Registers an account, or, when the address is taken, mails its owner instead. Both paths
     * hash the password and return nothing, so the caller cannot tell them apart.
     */
    async register(input, context) {
      const email = normalizeEmail(input.email);
      await assertStrongPassword(input.password, [email, input.name], "password");
      const hashed = await deps.hasher.hash(input.password);

      const existing = await deps.accounts.findByEmail(deps.db, email);
      if (existing) {
        await sendRegistrationAttemptNotice(existing.id, existing.email, context);
        return;
      }

      const now = deps.clock.now();
      try {
        await deps.db.transaction(async (tx) => {
          const rows = await tx
            .insert(users)
            .values({
              email,
              passwordHash: hashed.hash,
              passwordPepperId: hashed.pepperId,
              passwordChangedAt: now,
              name: input.name ?? null,
              timeZone: input.timeZone ?? "UTC",
              createdAt: now,
              updatedAt: now,
            })
            .returning({ id: users.id });
          const userId = rows[0]!.id;
          const token = await issueActionToken(tx, { userId, purpose: "verify-email", now });
          await deps.mail.queue(
            tx,
            verifyEmailMail(email, frontendLink(deps.config.frontendUrl, "/verify-email", token)),
          );
          await deps.audit.record(tx, { event: "auth.register", userId, context });
        });
      } catch (error) {
        // A concurrent registration of the same address won the race, so respond as for a taken one.
        if (!isUniqueViolation(error)) throw error;
        const winner = await deps.accounts.findByEmail(deps.db, email);
        if (winner) await sendRegistrationAttemptNotice(winner.id, winner.email, context);
      }
    },

    async verifyEmail(token, context) {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const used = await consumeActionToken(tx, token, "verify-email", now);
        if (!used) throw invalidToken();
        const user = await deps.accounts.findById(tx, used.userId);
        if (!user) throw invalidToken();
        if (!user.emailVerifiedAt) {
          await tx
            .update(users)
            .set({ emailVerifiedAt: now, updatedAt: now })
            .where(eq(users.id, user.id));
        }
        await deps.audit.record(tx, { event: "auth.email.verified", userId: user.id, context });
      });
    },

    async resendVerification(email, context) {
      const user = await deps.accounts.findByEmail(deps.db, email);
      if (!user || user.emailVerifiedAt || user.disabledAt) return;
      if (!(await mayMail(user.id, "verify-email"))) return;

      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const token = await issueActionToken(tx, { userId: user.id, purpose: "verify-email", now });
        await deps.mail.queue(
          tx,
          verifyEmailMail(
            user.email,
            frontendLink(deps.config.frontendUrl, "/verify-email", token),
          ),
        );
        await deps.audit.record(tx, {
          event: "auth.email.verification-resent",
          userId: user.id,
          context,
        });
      });
    },

    async forgotPassword(email, context) {
      const user = await deps.accounts.findByEmail(deps.db, email);
      if (!user || (user.disabledAt && !user.deletionDueAt)) return;
      if (!(await mayMail(user.id, "password-reset"))) return;

      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const token = await issueActionToken(tx, {
          userId: user.id,
          purpose: "password-reset",
          now,
        });
        await deps.mail.queue(
          tx,
          passwordResetMail(
            user.email,
            frontendLink(deps.config.frontendUrl, "/reset-password", token),
          ),
        );
        await deps.audit.record(tx, { event: "auth.password.forgot", userId: user.id, context });
      });
    },

    /**
     * Sets a new password from a reset link. The strength check runs before the link is used, so
     * a weak choice does not burn it. The link is then used in one conditional write, which also
     * ends every session, older reset link and lock of the account.
     */
    async resetPassword(token, password, context) {
      const now = deps.clock.now();
      const pending = await findActionToken(deps.db, token, "password-reset", now);
      if (!pending) throw invalidToken();
      const user = await deps.accounts.findById(deps.db, pending.userId);
      if (!user) throw invalidToken();
      await assertStrongPassword(password, [user.email, user.name], "password");
      const hashed = await deps.hasher.hash(password);

      await deps.db.transaction(async (tx) => {
        const used = await consumeActionToken(tx, token, "password-reset", now);
        if (!used) throw invalidToken();
        await tx
          .update(users)
          .set({
            ...CLEARED_FAILURE_STATE,
            passwordHash: hashed.hash,
            passwordPepperId: hashed.pepperId,
            passwordChangedAt: now,
            // The reset mail reached this inbox, which proves the address.
            emailVerifiedAt: user.emailVerifiedAt ?? now,
            updatedAt: now,
          })
          .where(eq(users.id, user.id));
        await voidActionTokens(tx, user.id, "password-reset", now);
        await voidActionTokens(tx, user.id, "unlock", now);
        const revoked = await deps.sessions.revokeAllSessions(tx, user.id, "password-reset");
        await deps.audit.record(tx, {
          event: "auth.password.reset",
          userId: user.id,
          context,
          metadata: { sessionsRevoked: revoked },
        });
        await deps.mail.queue(tx, securityNoticeMail(user.email, "your password was reset", now));
      });
    },

    async unlock(token, context) {
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const used = await consumeActionToken(tx, token, "unlock", now);
        if (!used) throw invalidToken();
        await tx.update(users).set(CLEARED_FAILURE_STATE).where(eq(users.id, used.userId));
        await deps.audit.record(tx, {
          event: "auth.account.unlocked",
          userId: used.userId,
          context,
          severity: "warning",
        });
      });
    },
  };
}

export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current; depth += 1) {
    if ((current as { code?: string }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
