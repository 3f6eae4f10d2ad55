import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import type { RequestContext } from "../../platform/request-context";
import { users } from "../accounts/accounts.tables";
import type { UserRow } from "../accounts/accounts.tables";
import type { AccountsService } from "../accounts/accounts.service";
import { auditEvents } from "../audit/audit.tables";
import type { AuditService } from "../audit/audit.service";
import type { SecondFactor, TwoFactorService } from "../two-factor/two-factor.service";
import { issueActionToken } from "./action-tokens";
import { accountLockedMail, frontendLink, securityNoticeMail } from "./auth-mails";
import { knownDevices, mfaChallenges } from "./auth.tables";
import { describeDevice } from "./device-label";
import { applyFailure, CLEARED_FAILURE_STATE, isLocked } from "./lockout-policy";
import type { PasswordHasher } from "./password-hasher";
import type { IssuedTokens, SessionsService } from "./sessions.service";
import type { MailSender } from "../../platform/mail/mail-sender";

const MFA_CHALLENGE_SECONDS = 300;
const MFA_MAX_FAILED_ATTEMPTS = 5;
/** Wrong passwords in a row after which a known device counts as unknown again. */
const KNOWN_DEVICE_MAX_FAILURES = 10;

export interface LoginClient {
  type: "web" | "native";
  deviceName?: string;
  /** Device token from an earlier login (cookie on the web, body field for native apps). */
  deviceToken?: string;
  context: RequestContext;
}

export type LoginResult =
  | { kind: "tokens"; tokens: IssuedTokens; deviceToken: string }
  | { kind: "mfa"; mfaToken: string; expiresInSeconds: number };

export interface LoginService {
  login(input: { email: string; password: string }, client: LoginClient): Promise<LoginResult>;
  completeSecondFactor(
    input: { mfaToken: string; factor: SecondFactor },
    client: LoginClient,
  ): Promise<LoginResult>;
}

/** Returns the one error for every rejected password login, so locks and unknown emails look alike. */
function invalidCredentials(): Error {
  return problem("invalid-credentials", { detail: "The email or password is incorrect." });
}

export function createLoginService(deps: {
  db: Database;
  clock: Clock;
  config: Config;
  logger: Logger;
  hasher: PasswordHasher;
  accounts: AccountsService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  audit: AuditService;
  mail: MailSender;
}): LoginService {
  const policy = deps.config.auth;

  async function findKnownDevice(
    userId: string,
    deviceToken: string | undefined,
  ): Promise<{ id: string } | null> {
    if (!deviceToken) return null;
    const rows = await deps.db
      .select({ id: knownDevices.id })
      .from(knownDevices)
      .where(
        and(
          eq(knownDevices.tokenHash, hashToken(deviceToken)),
          eq(knownDevices.userId, userId),
          isNull(knownDevices.revokedAt),
        ),
      )
      .limit(1);
    return rows[0] ?? null;
  }

  async function failuresInLastHour(userId: string, now: Date): Promise<number> {
    const rows = await deps.db
      .select({ total: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.userId, userId),
          eq(auditEvents.event, "auth.login.failed"),
          gt(auditEvents.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    return rows[0]?.total ?? 0;
  }

  async function recordFailure(
    user: UserRow,
    device: { id: string } | null,
    client: LoginClient,
  ): Promise<void> {
    const now = deps.clock.now();
    await deps.db.transaction(async (tx) => {
      await deps.audit.record(tx, {
        event: "auth.login.failed",
        userId: user.id,
        context: client.context,
        metadata: { reason: "wrong-password", knownDevice: device !== null },
      });

      if (device) {
        // Failures from a known device do not lock the account, but enough of them strip the
        // device of its trusted status, so a stolen device token cannot guess forever.
        await tx
          .update(knownDevices)
          .set({
            failedAttempts: sql`${knownDevices.failedAttempts} + 1`,
            revokedAt: sql`case when ${knownDevices.failedAttempts} + 1 >= ${KNOWN_DEVICE_MAX_FAILURES} then ${now}::timestamptz else null end`,
          })
          .where(eq(knownDevices.id, device.id));
        return;
      }

      const rows = await tx.select().from(users).where(eq(users.id, user.id)).for("update");
      const current = rows[0];
      if (!current) return;
      const outcome = applyFailure(current, now, policy);
      await tx.update(users).set(outcome.next).where(eq(users.id, user.id));
      if (outcome.newLockMinutes === null) return;

      const token = await issueActionToken(tx, { userId: user.id, purpose: "unlock", now });
      await deps.mail.queue(
        tx,
        accountLockedMail(
          user.email,
          frontendLink(deps.config.frontendUrl, "/unlock", token),
          outcome.newLockMinutes,
        ),
      );
      await deps.audit.record(tx, {
        event: "auth.account.locked",
        userId: user.id,
        context: client.context,
        severity: "warning",
        metadata: { minutes: outcome.newLockMinutes, level: outcome.next.lockLevel },
      });
    });
  }

  async function completeLogin(
    user: UserRow,
    device: { id: string } | null,
    client: LoginClient,
    method: "password" | "totp" | "recovery-code",
  ): Promise<LoginResult> {
    const now = deps.clock.now();
    const deviceLabel = describeDevice(client.deviceName, client.context.userAgent, client.type);
    const isFirstLogin = user.lastLoginAt === null;

    const result = await deps.db.transaction(async (tx) => {
      const session = await deps.sessions.createSession(tx, {
        userId: user.id,
        clientType: client.type,
        deviceLabel,
        context: client.context,
      });
      const deviceToken = await rememberDevice(tx, user.id, device, deviceLabel, now);

      // A successful login from a new device clears the lock. A known device may log in during an
      // attack on the account, so its login leaves the lock in place for everyone else.
      const stillLocked = device !== null && isLocked(user, now);
      await tx
        .update(users)
        .set({
          ...(stillLocked ? { failedLoginCount: 0 } : CLEARED_FAILURE_STATE),
          lastLoginAt: now,
          // Logging in during the deletion grace period cancels the deletion.
          ...(user.deletionDueAt ? { deletionDueAt: null, disabledAt: null } : {}),
        })
        .where(eq(users.id, user.id));

      await deps.audit.record(tx, {
        event: "auth.login.succeeded",
        userId: user.id,
        context: client.context,
        metadata: { method, sessionId: session.sessionId, newDevice: device === null },
      });
      if (user.deletionDueAt) {
        await deps.audit.record(tx, {
          event: "account.deletion.cancelled",
          userId: user.id,
          context: client.context,
        });
      }
      if (device === null && !isFirstLogin) {
        await deps.mail.queue(
          tx,
          securityNoticeMail(
            user.email,
            `a new device (${deviceLabel}) logged in to your account`,
            now,
          ),
        );
      }
      return { session, deviceToken };
    });

    const tokens = await deps.sessions.issueTokens(result.session);
    return { kind: "tokens", tokens, deviceToken: result.deviceToken };
  }

  async function rememberDevice(
    tx: Executor,
    userId: string,
    device: { id: string } | null,
    label: string,
    now: Date,
  ): Promise<string> {
    // The device token is rotated at every login, so a copied cookie stops working once the
    // owner logs in again.
    const token = randomToken();
    if (device) {
      await tx
        .update(knownDevices)
        .set({ tokenHash: hashToken(token), lastUsedAt: now, failedAttempts: 0, label })
        .where(eq(knownDevices.id, device.id));
    } else {
      await tx
        .insert(knownDevices)
        .values({ userId, tokenHash: hashToken(token), label, createdAt: now, lastUsedAt: now });
    }
    return token;
  }

  return {
    async login(input, client) {
      const now = deps.clock.now();
      const user = await deps.accounts.findByEmail(deps.db, input.email);
      if (!user || (user.disabledAt && !user.deletionDueAt)) {
        await deps.hasher.verifyDummy(input.password);
        await deps.audit.record(deps.db, {
          event: "auth.login.failed",
          userId: user?.id ?? null,
          context: client.context,
          metadata: { reason: user ? "disabled" : "unknown-email" },
        });
        throw invalidCredentials();
      }

      const device = await findKnownDevice(user.id, client.deviceToken);
      if (!device) {
        const locked = isLocked(user, now);
        const overCeiling =
          !locked && (await failuresInLastHour(user.id, now)) >= policy.loginFailuresPerHourMax;
        if (locked || overCeiling) {
          // Same work and same response as a wrong password. The attempt is not counted as a failure,
          // so hammering a locked account does not extend the lock.
          await deps.hasher.verifyDummy(input.password);
          await deps.audit.record(deps.db, {
            event: "auth.login.blocked",
            userId: user.id,
            context: client.context,
            metadata: { reason: locked ? "locked" : "hourly-ceiling" },
          });
          throw invalidCredentials();
        }
      }

      const stored = { hash: user.passwordHash, pepperId: user.passwordPepperId };
      if (!(await deps.hasher.verify(input.password, stored))) {
        await recordFailure(user, device, client);
        throw invalidCredentials();
      }
      if (deps.hasher.needsRehash(stored)) {
        const rehashed = await deps.hasher.hash(input.password);
        await deps.db
          .update(users)
          .set({ passwordHash: rehashed.hash, passwordPepperId: rehashed.pepperId })
          .where(eq(users.id, user.id));
      }

      if (!user.totpEnabledAt) return completeLogin(user, device, client, "password");

      const mfaToken = randomToken();
      await deps.db.insert(mfaChallenges).values({
        userId: user.id,
        tokenHash: hashToken(mfaToken),
        context: {
          clientType: client.type,
          deviceName: client.deviceName ?? null,
          deviceId: device?.id ?? null,
        },
        createdAt: now,
        expiresAt: new Date(now.getTime() + MFA_CHALLENGE_SECONDS * 1000),
      });
      return { kind: "mfa", mfaToken, expiresInSeconds: MFA_CHALLENGE_SECONDS };
    },

    async completeSecondFactor(input, client) {
      const now = deps.clock.now();
      const challengeRows = await deps.db
        .select()
        .from(mfaChallenges)
        .where(
          and(
            eq(mfaChallenges.tokenHash, hashToken(input.mfaToken)),
            isNull(mfaChallenges.usedAt),
            gt(mfaChallenges.expiresAt, now),
          ),
        )
        .limit(1);
      const challenge = challengeRows[0];
      if (!challenge || challenge.failedAttempts >= MFA_MAX_FAILED_ATTEMPTS) {
        throw problem("mfa-failed", {
          detail: "This login has expired or failed too often; log in with your password again.",
        });
      }

      const passed = await deps.db.transaction(async (tx) => {
        const kind = await deps.twoFactor.consumeSecondFactor(tx, challenge.userId, input.factor);
        if (!kind) return null;
        const consumed = await tx
          .update(mfaChallenges)
          .set({ usedAt: now })
          .where(and(eq(mfaChallenges.id, challenge.id), isNull(mfaChallenges.usedAt)))
          .returning({ id: mfaChallenges.id });
        // Another request finished this login first; roll back so its code is not spent twice.
        if (consumed.length === 0)
          throw problem("mfa-failed", {
            detail: "This login was already completed; log in again.",
          });
        return kind;
      });

      if (!passed) {
        const updated = await deps.db
          .update(mfaChallenges)
          .set({ failedAttempts: sql`${mfaChallenges.failedAttempts} + 1` })
          .where(eq(mfaChallenges.id, challenge.id))
          .returning({ failedAttempts: mfaChallenges.failedAttempts });
        const attempts = updated[0]?.failedAttempts ?? MFA_MAX_FAILED_ATTEMPTS;
        await deps.audit.record(deps.db, {
          event: "auth.mfa.failed",
          userId: challenge.userId,
          context: client.context,
          metadata: { attempts },
        });
        const left = MFA_MAX_FAILED_ATTEMPTS - attempts;
        throw problem("mfa-failed", {
          detail:
            left > 0
              ? `The code is wrong or already used; ${left} attempt${left === 1 ? "" : "s"} left.`
              : "Too many wrong codes; log in with your password again.",
        });
      }

      const user = await deps.accounts.findById(deps.db, challenge.userId);
      if (!user) throw invalidCredentials();
      const deviceId = challenge.context.deviceId;
      const loginClient: LoginClient = {
        ...client,
        type: challenge.context.clientType === "native" ? "native" : "web",
        deviceName: challenge.context.deviceName ?? undefined,
      };
      return completeLogin(user, deviceId ? { id: deviceId } : null, loginClient, passed);
    },
  };
}
