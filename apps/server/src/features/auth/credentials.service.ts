import { eq } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { RequestContext } from "../../platform/request-context";
import { users } from "../accounts/accounts.tables";
import type { UserRow } from "../accounts/accounts.tables";
import { normalizeEmail } from "../accounts/accounts.service";
import type { AccountsService } from "../accounts/accounts.service";
import type { AuditService } from "../audit/audit.service";
import type { SecondFactor, TwoFactorService } from "../two-factor/two-factor.service";
import {
  consumeActionToken,
  countActionTokensSince,
  issueActionToken,
  voidActionTokens,
  voidCredentialLinks,
} from "./action-tokens";
import {
  emailChangeConfirmMail,
  emailTakenMail,
  frontendLink,
  securityNoticeMail,
} from "./auth-mails";
import { isUniqueViolation } from "./account-recovery.service";
import type { PasswordHasher } from "./password-hasher";
import { assertStrongPassword } from "./password-policy";
import type { AuthenticatedUser, SessionsService } from "./sessions.service";

export interface CredentialsService {
  /** Throws 403 unless the password is the account's; used where a request carries it. */
  assertPassword(userId: string, password: string, context: RequestContext): Promise<UserRow>;
  /** Throws 401 with reason `reauthentication` unless the session authenticated recently. */
  assertRecentAuthentication(user: AuthenticatedUser): void;
  assertVerifiedEmail(user: AuthenticatedUser, action: string): void;
  reauthenticate(
    user: AuthenticatedUser,
    proof: { password?: string; code?: string },
    context: RequestContext,
  ): Promise<void>;
  changePassword(
    user: AuthenticatedUser,
    input: { currentPassword: string; newPassword: string },
    context: RequestContext,
  ): Promise<void>;
  requestEmailChange(
    user: AuthenticatedUser,
    input: { password: string; newEmail: string },
    context: RequestContext,
  ): Promise<void>;
  confirmEmailChange(token: string, context: RequestContext): Promise<{ email: string }>;
  /** Checks a TOTP or recovery code of a user with 2FA on, using it up; throws 403 when wrong. */
  assertSecondFactor(userId: string, factor: SecondFactor, context: RequestContext): Promise<void>;
}

export function createCredentialsService(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  hasher: PasswordHasher;
  accounts: AccountsService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  audit: AuditService;
  mail: MailSender;
}): CredentialsService {
  async function assertPassword(
    userId: string,
    password: string,
    context: RequestContext,
  ): Promise<UserRow> {
    const user = await deps.accounts.findById(deps.db, userId);
    if (!user) throw problem("not-found", { detail: "The account was not found." });
    if (
      !(await deps.hasher.verify(password, {
        hash: user.passwordHash,
        pepperId: user.passwordPepperId,
      }))
    ) {
      await deps.audit.record(deps.db, { event: "auth.password.check-failed", userId, context });
      throw problem("forbidden", { detail: "The password is incorrect." });
    }
    return user;
  }

  async function assertSecondFactor(
    userId: string,
    factor: SecondFactor,
    context: RequestContext,
  ): Promise<void> {
    const kind = await deps.twoFactor.consumeSecondFactor(deps.db, userId, factor);
    if (kind) return;
    await deps.audit.record(deps.db, { event: "auth.mfa.failed", userId, context });
    throw problem("forbidden", {
      detail: "The code is wrong or already used; enter the current code from your app.",
    });
  }

  return {
    assertPassword,
    assertSecondFactor,

    assertRecentAuthentication(user) {
      if (deps.sessions.isRecentlyAuthenticated(user)) return;
      throw problem("reauthentication-required", {
        detail: `Confirm your password (or a 2FA code) first; this action needs a login from the last ${deps.config.auth.reauthenticationWindowMinutes} minutes.`,
        reason: "reauthentication",
      });
    },

    assertVerifiedEmail(user, action) {
      if (user.emailVerified) return;
      throw problem("email-not-verified", {
        detail: `Confirm your email address before you ${action}.`,
      });
    },

    async reauthenticate(user, proof, context) {
      if (proof.password !== undefined) {
        await assertPassword(user.userId, proof.password, context);
      } else {
        if (!(await deps.twoFactor.isEnabled(user.userId))) {
          throw problem("validation-failed", {
            detail:
              "Two-factor authentication is off for this account; confirm with your password.",
            errors: [
              { field: "code", message: "is only accepted with two-factor authentication on" },
            ],
          });
        }
        await assertSecondFactor(user.userId, { code: proof.code! }, context);
      }
      await deps.sessions.markAuthenticated(user.sessionId);
      await deps.audit.record(deps.db, {
        event: "auth.reauthenticated",
        userId: user.userId,
        context,
      });
    },

    /** Changes the password; every other session ends, the current one stays and counts as fresh. */
    async changePassword(user, input, context) {
      const account = await assertPassword(user.userId, input.currentPassword, context);
      await assertStrongPassword(input.newPassword, [account.email, account.name], "newPassword");
      const hashed = await deps.hasher.hash(input.newPassword);
      const now = deps.clock.now();

      await deps.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({
            passwordHash: hashed.hash,
            passwordPepperId: hashed.pepperId,
            passwordChangedAt: now,
            updatedAt: now,
          })
          .where(eq(users.id, user.userId));
        await voidCredentialLinks(tx, user.userId, now);
        const revoked = await deps.sessions.revokeAllSessions(
          tx,
          user.userId,
          "password-change",
          user.sessionId,
        );
        await deps.audit.record(tx, {
          event: "auth.password.changed",
          userId: user.userId,
          context,
          metadata: { sessionsRevoked: revoked },
        });
        await deps.mail.queue(
          tx,
          securityNoticeMail(account.email, "your password was changed", now),
        );
      });
      await deps.sessions.markAuthenticated(user.sessionId);
    },

    /**
     * Mails a confirmation link to the new address, and the change happens when it is used. A
     * taken address gets a notice instead, and the caller gets the same response either way.
     */
    async requestEmailChange(user, input, context) {
      const account = await assertPassword(user.userId, input.password, context);
      const newEmail = normalizeEmail(input.newEmail);
      if (newEmail === account.email) {
        throw problem("validation-failed", {
          detail: "The new address is the one the account already uses.",
          errors: [{ field: "newEmail", message: "is the current address" }],
        });
      }
      const now = deps.clock.now();
      const limit = deps.config.rateLimits.accountMail;
      const since = new Date(now.getTime() - limit.windowSeconds * 1000);
      if (
        (await countActionTokensSince(deps.db, user.userId, "email-change", since)) >= limit.max
      ) {
        throw problem("rate-limited", {
          detail: "Too many address changes were asked for recently; try again later.",
          headers: { "retry-after": String(limit.windowSeconds) },
        });
      }

      const taken = await deps.accounts.findByEmail(deps.db, newEmail);
      await deps.db.transaction(async (tx) => {
        // A token is issued either way so the per-account limit counts both paths alike.
        const token = await issueActionToken(tx, {
          userId: user.userId,
          purpose: "email-change",
          now,
          data: { email: newEmail },
        });
        if (taken) {
          await voidActionTokens(tx, user.userId, "email-change", now);
          await deps.mail.queue(tx, emailTakenMail(newEmail));
        } else {
          await deps.mail.queue(
            tx,
            emailChangeConfirmMail(
              newEmail,
              frontendLink(deps.config.frontendUrl, "/confirm-email", token),
            ),
          );
        }
        await deps.mail.queue(
          tx,
          securityNoticeMail(
            account.email,
            "a change of your account's email address was requested",
            now,
          ),
        );
        await deps.audit.record(tx, {
          event: "auth.email.change-requested",
          userId: user.userId,
          context,
        });
      });
    },

    async confirmEmailChange(token, context) {
      const now = deps.clock.now();
      try {
        return await deps.db.transaction(async (tx) => {
          const used = await consumeActionToken(tx, token, "email-change", now);
          const newEmail = used?.data?.email;
          if (!used || !newEmail) {
            throw problem("invalid-token", {
              detail: "The link is invalid, expired or already used; ask for a new one.",
            });
          }
          const account = await deps.accounts.findById(tx, used.userId);
          if (!account)
            throw problem("invalid-token", {
              detail: "The link is invalid, expired or already used.",
            });

          await tx
            .update(users)
            .set({ email: newEmail, emailVerifiedAt: now, updatedAt: now })
            .where(eq(users.id, account.id));
          // Links mailed to the old address must stop working. Otherwise a person with access to
          // that mailbox could reset the password of the account that now uses the new address.
          await voidCredentialLinks(tx, account.id, now);
          await voidActionTokens(tx, account.id, "verify-email", now);
          await deps.audit.record(tx, { event: "auth.email.changed", userId: account.id, context });
          await deps.mail.queue(
            tx,
            securityNoticeMail(
              account.email,
              `your account's email address was changed to ${newEmail}`,
              now,
            ),
          );
          return { email: newEmail };
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw problem("conflict", {
            detail: "Another account took this address in the meantime; nothing was changed.",
          });
        }
        throw error;
      }
    },
  };
}
