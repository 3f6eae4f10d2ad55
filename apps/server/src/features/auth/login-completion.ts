import { eq } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Database, Executor } from "../../platform/database";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { RequestContext } from "../../platform/request-context";
import { users } from "../accounts/accounts.tables";
import type { UserRow } from "../accounts/accounts.tables";
import type { AuditService } from "../audit/audit.service";
import { securityNoticeMail } from "./auth-mails";
import { knownDevices } from "./auth.tables";
import { describeDevice } from "./device-label";
import { CLEARED_FAILURE_STATE, isLocked } from "./lockout-policy";
import type { IssuedTokens, SessionsService } from "./sessions.service";

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

export type LoginMethod = "password" | "totp" | "recovery-code";

export interface LoginCompletion {
  /** Starts the session of a login whose every factor passed, and remembers the device. */
  completeLogin(
    user: UserRow,
    device: { id: string } | null,
    client: LoginClient,
    method: LoginMethod,
  ): Promise<LoginResult>;
  /**
   * Makes a device known without a login, for a browser that just proved it reads the account's
   * mail (an unlock or reset link); returns the new device token.
   */
  trustDevice(userId: string, label: string): Promise<string>;
}

export function createLoginCompletion(deps: {
  db: Database;
  clock: Clock;
  sessions: SessionsService;
  audit: AuditService;
  mail: MailSender;
}): LoginCompletion {
  async function completeLogin(
    user: UserRow,
    device: { id: string } | null,
    client: LoginClient,
    method: LoginMethod,
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
    completeLogin,
    async trustDevice(userId, label) {
      return deps.db.transaction((tx) => rememberDevice(tx, userId, null, label, deps.clock.now()));
    },
  };
}
