import { and, count, eq, gt, sql } from "drizzle-orm";
import type { RegisterRequest } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import type { Database, Executor } from "../../platform/database";
import { enqueueJob } from "../../platform/jobs/job-queue";
import type { JobHandler, JobWorker } from "../../platform/jobs/job-queue";
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
  voidCredentialLinks,
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
  /** Queues a new verification mail for the address; the job runs resendVerification. */
  requestVerificationMail(email: string, context: RequestContext): Promise<void>;
  /** Queues a reset mail for the address; the job runs forgotPassword. */
  requestPasswordReset(email: string, context: RequestContext): Promise<void>;
  resendVerification(email: string, context: RequestContext): Promise<void>;
  forgotPassword(email: string, context: RequestContext): Promise<void>;
  /** Sets the new password; returns the account's id. */
  resetPassword(token: string, password: string, context: RequestContext): Promise<string>;
  /** Lifts the lock; returns the account's id. */
  unlock(token: string, context: RequestContext): Promise<string>;
}

function invalidToken(): Error {
  return problem("invalid-token", {
    detail: "The link is invalid, expired or already used; ask for a new one.",
  });
}

export const FORGOT_PASSWORD_JOB = "auth.forgot-password";
export const RESEND_VERIFICATION_JOB = "auth.resend-verification";

/** Job handler for a deferred forgot or resend request. */
export function recoveryJobHandler(
  recovery: AccountRecoveryService,
  kind: typeof FORGOT_PASSWORD_JOB | typeof RESEND_VERIFICATION_JOB,
): JobHandler {
  return async (job) => {
    const email = String(job.payload.email ?? "");
    const context: RequestContext = {
      ip: String(job.payload.ip ?? ""),
      userAgent: typeof job.payload.userAgent === "string" ? job.payload.userAgent : null,
    };
    if (kind === FORGOT_PASSWORD_JOB) await recovery.forgotPassword(email, context);
    else await recovery.resendVerification(email, context);
  };
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
  jobs: JobWorker;
}): AccountRecoveryService {
  const mailLimit = deps.config.rateLimits.accountMail;

  // Per-account mail limits count durable rows, so they hold across instances and restarts. The
  // count and the new link share one transaction under a per-account lock, so parallel requests
  // cannot all pass the count before any of them inserts.
  async function mailLink(
    userId: string,
    purpose: ActionPurpose,
    send: (tx: Executor, token: string) => Promise<void>,
  ): Promise<void> {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mail:${purpose}:${userId}`}))`);
      const since = new Date(now.getTime() - mailLimit.windowSeconds * 1000);
      if ((await countActionTokensSince(tx, userId, purpose, since)) >= mailLimit.max) return;
      await send(tx, await issueActionToken(tx, { userId, purpose, now }));
    });
  }

  // Resend and forgot do their work in a job, so the response takes the same time (one insert)
  // whether or not the address has an account.
  async function defer(kind: string, email: string, context: RequestContext): Promise<void> {
    await enqueueJob(deps.db, {
      kind,
      payload: { email, ip: context.ip, userAgent: context.userAgent },
      runAt: deps.clock.now(),
      maxAttempts: 5,
    });
    deps.jobs.kick();
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

    requestVerificationMail: (email, context) => defer(RESEND_VERIFICATION_JOB, email, context),
    requestPasswordReset: (email, context) => defer(FORGOT_PASSWORD_JOB, email, context),

    async resendVerification(email, context) {
      const user = await deps.accounts.findByEmail(deps.db, email);
      if (!user || user.emailVerifiedAt || user.disabledAt) return;

      await mailLink(user.id, "verify-email", async (tx, token) => {
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

      await mailLink(user.id, "password-reset", async (tx, token) => {
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
        await voidCredentialLinks(tx, user.id, now);
        const revoked = await deps.sessions.revokeAllSessions(tx, user.id, "password-reset");
        await deps.audit.record(tx, {
          event: "auth.password.reset",
          userId: user.id,
          context,
          metadata: { sessionsRevoked: revoked },
        });
        await deps.mail.queue(tx, securityNoticeMail(user.email, "your password was reset", now));
      });
      return user.id;
    },

    async unlock(token, context) {
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const used = await consumeActionToken(tx, token, "unlock", now);
        if (!used) throw invalidToken();
        await tx.update(users).set(CLEARED_FAILURE_STATE).where(eq(users.id, used.userId));
        await deps.audit.record(tx, {
          event: "auth.account.unlocked",
          userId: used.userId,
          context,
          severity: "warning",
        });
        return used.userId;
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
