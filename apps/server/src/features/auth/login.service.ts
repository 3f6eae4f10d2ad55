import { and, eq, isNull } from "drizzle-orm";

import type { Clock } from "../../platform/clock";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import { users } from "../accounts/accounts.tables";
import type { AccountsService } from "../accounts/accounts.service";
import type { AuditService } from "../audit/audit.service";
import type { SecondFactor } from "../two-factor/two-factor.service";
import { knownDevices, mfaChallenges } from "./auth.tables";
import type { BruteForceGuard } from "./brute-force-guard";
import type { LoginClient, LoginCompletion, LoginResult } from "./login-completion";
import type { PasswordHasher } from "./password-hasher";
import type { SecondFactorLogin } from "./second-factor-login";

export type { LoginClient, LoginResult } from "./login-completion";

const MFA_CHALLENGE_SECONDS = 300;

export interface LoginService {
  login(input: { email: string; password: string }, client: LoginClient): Promise<LoginResult>;
  completeSecondFactor(
    input: { mfaToken: string; factor: SecondFactor },
    client: LoginClient,
  ): Promise<LoginResult>;
}

/** Returns the one error for every rejected password login, so locks and unknown emails look alike. */
export function invalidCredentials(): Error {
  return problem("invalid-credentials", { detail: "The email or password is incorrect." });
}

export function createLoginService(deps: {
  db: Database;
  clock: Clock;
  hasher: PasswordHasher;
  accounts: AccountsService;
  audit: AuditService;
  guard: BruteForceGuard;
  completion: LoginCompletion;
  secondFactor: SecondFactorLogin;
}): LoginService {
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

  async function refuseUnknown(
    password: string,
    user: { id: string } | null,
    reason: string,
    client: LoginClient,
  ): Promise<never> {
    // Same work and same response as a wrong password, so the caller learns nothing.
    await deps.hasher.verifyDummy(password);
    await deps.audit.record(deps.db, {
      event: user && reason !== "disabled" ? "auth.login.blocked" : "auth.login.failed",
      userId: user?.id ?? null,
      context: client.context,
      metadata: { reason },
    });
    throw invalidCredentials();
  }

  return {
    async login(input, client) {
      const now = deps.clock.now();
      const user = await deps.accounts.findByEmail(deps.db, input.email);
      if (!user) return refuseUnknown(input.password, null, "unknown-email", client);
      if (user.disabledAt && !user.deletionDueAt)
        return refuseUnknown(input.password, user, "disabled", client);

      const stored = { hash: user.passwordHash, pepperId: user.passwordPepperId };
      const device = await findKnownDevice(user.id, client.deviceToken);
      if (device) {
        // Known devices skip every brute-force rule; too many failures revoke their trust instead.
        if (!(await deps.hasher.verify(input.password, stored))) {
          await deps.guard.recordKnownDeviceFailure(device.id);
          await deps.audit.record(deps.db, {
            event: "auth.login.failed",
            userId: user.id,
            context: client.context,
            metadata: { reason: "wrong-password", knownDevice: true },
          });
          throw invalidCredentials();
        }
      } else {
        const outcome = await deps.guard.runExclusive(user.id, async () => {
          const check = await deps.guard.checkAttempt(user);
          if (!check.allowed) return check.reason;
          if (await deps.hasher.verify(input.password, stored)) return "ok";
          await deps.guard.recordFailure(user, client.context);
          return "wrong-password";
        });
        if (outcome === "wrong-password") throw invalidCredentials();
        if (outcome !== "ok") return refuseUnknown(input.password, user, outcome, client);
      }
      if (deps.hasher.needsRehash(stored)) {
        const rehashed = await deps.hasher.hash(input.password);
        await deps.db
          .update(users)
          .set({ passwordHash: rehashed.hash, passwordPepperId: rehashed.pepperId })
          .where(eq(users.id, user.id));
      }

      if (!user.totpEnabledAt)
        return deps.completion.completeLogin(user, device, client, "password");

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

    completeSecondFactor: (input, client) => deps.secondFactor.complete(input, client),
  };
}
