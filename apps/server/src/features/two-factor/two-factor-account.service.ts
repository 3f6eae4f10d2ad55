import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import type { MailSender } from "../../platform/mail/mail-sender";
import type { RequestContext } from "../../platform/request-context";
import type { AccountsService } from "../accounts/accounts.service";
import type { AuditService } from "../audit/audit.service";
import { securityNoticeMail } from "../auth/auth-mails";
import type { CredentialsService } from "../auth/credentials.service";
import type { AuthenticatedUser, SessionsService } from "../auth/sessions.service";
import type { TwoFactorService } from "./two-factor.service";

type Confirmation = { password: string; code?: string; recoveryCode?: string };

/**
 * The account-facing 2FA actions: each checks who is asking (fresh login, verified email,
 * password and a current code where it matters), changes the factor, and records and mails it.
 */
export interface TwoFactorAccountService {
  setup(
    user: AuthenticatedUser,
    context: RequestContext,
  ): Promise<{ secret: string; otpauthUri: string; qrCode: string }>;
  enable(user: AuthenticatedUser, code: string, context: RequestContext): Promise<string[]>;
  disable(
    user: AuthenticatedUser,
    confirmation: Confirmation,
    context: RequestContext,
  ): Promise<void>;
  replaceRecoveryCodes(
    user: AuthenticatedUser,
    confirmation: Confirmation,
    context: RequestContext,
  ): Promise<string[]>;
}

export function createTwoFactorAccountService(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  credentials: CredentialsService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  audit: AuditService;
  mail: MailSender;
}): TwoFactorAccountService {
  async function confirm(
    user: AuthenticatedUser,
    confirmation: Confirmation,
    context: RequestContext,
  ): Promise<string> {
    const account = await deps.credentials.assertPassword(
      user.userId,
      confirmation.password,
      context,
    );
    const factor =
      confirmation.code !== undefined
        ? { code: confirmation.code }
        : { recoveryCode: confirmation.recoveryCode! };
    await deps.credentials.assertSecondFactor(user.userId, factor, context);
    return account.email;
  }

  return {
    async setup(user, context) {
      deps.credentials.assertVerifiedEmail(user, "turn on two-factor authentication");
      deps.credentials.assertRecentAuthentication(user);
      const account = await deps.accounts.getMe(user.userId);
      const result = await deps.twoFactor.setup(user.userId, account.email);
      await deps.audit.record(deps.db, {
        event: "auth.2fa.setup-started",
        userId: user.userId,
        context,
      });
      return result;
    },

    async enable(user, code, context) {
      deps.credentials.assertVerifiedEmail(user, "turn on two-factor authentication");
      deps.credentials.assertRecentAuthentication(user);
      const account = await deps.accounts.getMe(user.userId);
      return deps.db.transaction(async (tx) => {
        const codes = await deps.twoFactor.enable(tx, user.userId, code);
        // Sessions opened with the password alone end, so only this one keeps access without
        // the new second factor.
        await deps.sessions.revokeAllSessions(
          tx,
          user.userId,
          "two-factor-enabled",
          user.sessionId,
        );
        await deps.audit.record(tx, {
          event: "auth.2fa.enabled",
          userId: user.userId,
          context,
          severity: "warning",
        });
        await deps.mail.queue(
          tx,
          securityNoticeMail(
            account.email,
            "two-factor authentication was turned on",
            deps.clock.now(),
          ),
        );
        return codes;
      });
    },

    async disable(user, confirmation, context) {
      if (!(await deps.twoFactor.isEnabled(user.userId))) return;
      const email = await confirm(user, confirmation, context);
      await deps.db.transaction(async (tx) => {
        await deps.twoFactor.disable(tx, user.userId);
        await deps.audit.record(tx, {
          event: "auth.2fa.disabled",
          userId: user.userId,
          context,
          severity: "warning",
        });
        await deps.mail.queue(
          tx,
          securityNoticeMail(email, "two-factor authentication was turned off", deps.clock.now()),
        );
      });
    },

    async replaceRecoveryCodes(user, confirmation, context) {
      const email = await confirm(user, confirmation, context);
      return deps.db.transaction(async (tx) => {
        const codes = await deps.twoFactor.replaceRecoveryCodes(tx, user.userId);
        await deps.audit.record(tx, {
          event: "auth.2fa.recovery-codes-replaced",
          userId: user.userId,
          context,
          severity: "warning",
        });
        await deps.mail.queue(
          tx,
          securityNoticeMail(
            email,
            "your two-factor recovery codes were replaced",
            deps.clock.now(),
          ),
        );
        return codes;
      });
    },
  };
}
