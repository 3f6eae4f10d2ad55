import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { Session } from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Config } from "../../platform/config";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Database, Executor } from "../../platform/database";
import { problem } from "../../platform/errors";
import type { RequestContext } from "../../platform/request-context";
import { users } from "../accounts/accounts.tables";
import type { AuditService } from "../audit/audit.service";
import { pushSubscriptions } from "../notifications/notifications.tables";
import type { SigningKeysService } from "../signing-keys/signing-keys.service";
import { voidCredentialLinks } from "./action-tokens";
import { refreshTokens, sessions } from "./auth.tables";

/** The caller of an authenticated request, resolved from the access token and its session. */
export interface AuthenticatedUser {
  userId: string;
  sessionId: string;
  role: "user" | "admin";
  emailVerified: boolean;
  timeZone: string;
  authenticatedAt: Date;
}

export interface IssuedTokens {
  accessToken: string;
  expiresInSeconds: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  sessionId: string;
}

export interface NewSessionInput {
  userId: string;
  clientType: "web" | "native";
  deviceLabel: string;
  context: RequestContext;
}

/** A session row and its first refresh token, before the access token is signed. */
export interface NewSession {
  sessionId: string;
  userId: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface SessionsService {
  /**
   * Starts a session for a completed login inside the caller's transaction. The access token is
   * signed afterwards with `issueTokens`, because signing may read keys and must not run inside
   * a transaction (PGlite has a single connection).
   */
  createSession(tx: Executor, input: NewSessionInput): Promise<NewSession>;
  issueTokens(session: NewSession): Promise<IssuedTokens>;
  /** Rotates a refresh token; see the rules on `refresh` in the implementation. */
  refresh(refreshToken: string, context: RequestContext): Promise<IssuedTokens>;
  resolveAccessToken(token: string): Promise<AuthenticatedUser | null>;
  revokeSession(
    executor: Executor,
    userId: string,
    sessionId: string,
    reason: string,
  ): Promise<boolean>;
  revokeAllSessions(
    executor: Executor,
    userId: string,
    reason: string,
    exceptSessionId?: string,
  ): Promise<number>;
  listSessions(userId: string, currentSessionId: string): Promise<Session[]>;
  /** Ends the session of a refresh token or, failing that, of a bearer access token; idempotent. */
  logout(
    input: { refreshToken: string | null; authorization: string | null },
    context: RequestContext,
  ): Promise<void>;
  logoutEverywhere(userId: string, context: RequestContext): Promise<number>;
  markAuthenticated(sessionId: string): Promise<void>;
  /** Whether the session's last password or TOTP check is within the reauthentication window. */
  isRecentlyAuthenticated(user: AuthenticatedUser): boolean;
}

export function createSessionsService(deps: {
  db: Database;
  clock: Clock;
  config: Config["auth"];
  signingKeys: SigningKeysService;
  audit: AuditService;
}): SessionsService {
  const { config } = deps;
  const DAY_MS = 86_400_000;

  async function issueRefreshToken(
    tx: Executor,
    session: { id: string; userId: string; expiresAt: Date },
    now: Date,
  ): Promise<{ token: string; id: string; expiresAt: Date }> {
    const token = randomToken();
    const expiresAt = new Date(
      Math.min(now.getTime() + config.refreshTokenTtlDays * DAY_MS, session.expiresAt.getTime()),
    );
    const rows = await tx
      .insert(refreshTokens)
      .values({
        sessionId: session.id,
        userId: session.userId,
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt,
      })
      .returning({ id: refreshTokens.id });
    return { token, id: rows[0]!.id, expiresAt };
  }

  async function revokeFamily(
    executor: Executor,
    sessionId: string,
    reason: string,
    now: Date,
  ): Promise<void> {
    await executor
      .update(sessions)
      .set({ revokedAt: now, revokeReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  }

  function isSessionLive(
    session: { revokedAt: Date | null; expiresAt: Date; lastUsedAt: Date },
    now: Date,
  ): boolean {
    if (session.revokedAt) return false;
    if (session.expiresAt <= now) return false;
    return session.lastUsedAt.getTime() + config.sessionIdleTimeoutDays * DAY_MS > now.getTime();
  }

  return {
    async createSession(tx, input) {
      const now = deps.clock.now();
      const expiresAt = new Date(now.getTime() + config.sessionAbsoluteLifetimeDays * DAY_MS);
      const rows = await tx
        .insert(sessions)
        .values({
          userId: input.userId,
          clientType: input.clientType,
          deviceLabel: input.deviceLabel,
          ip: input.context.ip,
          userAgent: input.context.userAgent,
          createdAt: now,
          lastUsedAt: now,
          authenticatedAt: now,
          expiresAt,
        })
        .returning({ id: sessions.id });
      const sessionId = rows[0]!.id;

      const refresh = await issueRefreshToken(
        tx,
        { id: sessionId, userId: input.userId, expiresAt },
        now,
      );
      return {
        sessionId,
        userId: input.userId,
        refreshToken: refresh.token,
        refreshExpiresAt: refresh.expiresAt,
      };
    },

    async issueTokens(session) {
      const access = await deps.signingKeys.signAccessToken({
        userId: session.userId,
        sessionId: session.sessionId,
      });
      return {
        accessToken: access.token,
        expiresInSeconds: access.expiresInSeconds,
        refreshToken: session.refreshToken,
        refreshExpiresAt: session.refreshExpiresAt,
        sessionId: session.sessionId,
      };
    },

    /**
     * Rotates a refresh token. Exactly one request can use a token: the write that marks it used is
     * conditional on it being unused. A second presentation within the grace period (a client
     * that raced itself, such as two tabs) gets 409 with Retry-After and leaves the session alone;
     * a presentation after the grace period means the token leaked, so the whole session ends.
     */
    async refresh(refreshToken, context) {
      const now = deps.clock.now();
      const tokenHash = hashToken(refreshToken);

      const rotated = await deps.db.transaction(async (tx) => {
        const used = await tx
          .update(refreshTokens)
          .set({ usedAt: now })
          .where(
            and(
              eq(refreshTokens.tokenHash, tokenHash),
              isNull(refreshTokens.usedAt),
              gt(refreshTokens.expiresAt, now),
            ),
          )
          .returning({
            id: refreshTokens.id,
            sessionId: refreshTokens.sessionId,
            userId: refreshTokens.userId,
          });
        const token = used[0];
        if (!token) return null;

        const sessionRows = await tx
          .select({ session: sessions, userDisabledAt: users.disabledAt })
          .from(sessions)
          .innerJoin(users, eq(users.id, sessions.userId))
          .where(eq(sessions.id, token.sessionId))
          .for("update", { of: sessions });
        const row = sessionRows[0];
        if (!row || !isSessionLive(row.session, now) || row.userDisabledAt) {
          return { expired: true as const };
        }

        const successor = await issueRefreshToken(tx, row.session, now);
        await tx
          .update(refreshTokens)
          .set({ replacedById: successor.id })
          .where(eq(refreshTokens.id, token.id));
        await tx
          .update(sessions)
          .set({ lastUsedAt: now, ip: context.ip })
          .where(eq(sessions.id, row.session.id));
        return { expired: false as const, session: row.session, successor };
      });

      if (rotated && !rotated.expired) {
        const access = await deps.signingKeys.signAccessToken({
          userId: rotated.session.userId,
          sessionId: rotated.session.id,
        });
        return {
          accessToken: access.token,
          expiresInSeconds: access.expiresInSeconds,
          refreshToken: rotated.successor.token,
          refreshExpiresAt: rotated.successor.expiresAt,
          sessionId: rotated.session.id,
        };
      }
      if (rotated?.expired) {
        throw problem("session-expired", { detail: "The session has ended; log in again." });
      }

      const existing = await deps.db
        .select({
          usedAt: refreshTokens.usedAt,
          sessionId: refreshTokens.sessionId,
          userId: refreshTokens.userId,
          expiresAt: refreshTokens.expiresAt,
        })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .limit(1);
      const known = existing[0];
      if (!known || !known.usedAt) {
        throw problem("session-expired", {
          detail: "The refresh token is invalid or expired; log in again.",
        });
      }

      const secondsSinceUse = (now.getTime() - known.usedAt.getTime()) / 1000;
      if (secondsSinceUse <= config.refreshReuseGraceSeconds) {
        throw problem("refresh-in-progress", {
          detail:
            "This refresh token was just rotated by another request; retry with the new token.",
          headers: { "retry-after": "1" },
        });
      }

      await deps.db.transaction(async (tx) => {
        await revokeFamily(tx, known.sessionId, "refresh-token-reuse", now);
        await deps.audit.record(tx, {
          event: "auth.refresh.reuse",
          userId: known.userId,
          context,
          severity: "high",
          metadata: {
            sessionId: known.sessionId,
            secondsSinceRotation: Math.round(secondsSinceUse),
          },
        });
      });
      throw problem("session-expired", {
        detail: "The refresh token was already used; the session has been ended. Log in again.",
      });
    },

    async resolveAccessToken(token) {
      const claims = await deps.signingKeys.verifyAccessToken(token);
      if (!claims) return null;

      const rows = await deps.db
        .select({
          revokedAt: sessions.revokedAt,
          expiresAt: sessions.expiresAt,
          lastUsedAt: sessions.lastUsedAt,
          authenticatedAt: sessions.authenticatedAt,
          role: users.role,
          emailVerifiedAt: users.emailVerifiedAt,
          timeZone: users.timeZone,
          disabledAt: users.disabledAt,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, claims.sessionId), eq(sessions.userId, claims.userId)))
        .limit(1);
      const row = rows[0];
      const now = deps.clock.now();
      if (!row || row.disabledAt || !isSessionLive(row, now)) return null;

      return {
        userId: claims.userId,
        sessionId: claims.sessionId,
        role: row.role,
        emailVerified: row.emailVerifiedAt !== null,
        timeZone: row.timeZone,
        authenticatedAt: row.authenticatedAt,
      };
    },

    async revokeSession(executor, userId, sessionId, reason) {
      const rows = await executor
        .update(sessions)
        .set({ revokedAt: deps.clock.now(), revokeReason: reason })
        .where(
          and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)),
        )
        .returning({ id: sessions.id });
      return rows.length > 0;
    },

    async revokeAllSessions(executor, userId, reason, exceptSessionId) {
      const rows = await executor
        .update(sessions)
        .set({ revokedAt: deps.clock.now(), revokeReason: reason })
        .where(
          and(
            eq(sessions.userId, userId),
            isNull(sessions.revokedAt),
            exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
          ),
        )
        .returning({ id: sessions.id });
      // Push subscriptions are not tied to a session. When every session ends, no browser is
      // trusted any more, so none keeps receiving the account's reminders.
      if (!exceptSessionId) {
        await executor.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
      }
      return rows.length;
    },

    async listSessions(userId, currentSessionId) {
      const now = deps.clock.now();
      const rows = await deps.db
        .select()
        .from(sessions)
        .where(
          and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
        )
        .orderBy(desc(sessions.lastUsedAt));
      return rows
        .filter((row) => isSessionLive(row, now))
        .map((row) => ({
          id: row.id,
          deviceLabel: row.deviceLabel,
          clientType: row.clientType,
          ip: row.ip,
          createdAt: row.createdAt.toISOString(),
          lastUsedAt: row.lastUsedAt.toISOString(),
          current: row.id === currentSessionId,
        }));
    },

    async logout(input, context) {
      let target: { sessionId: string; userId: string } | null = null;
      if (input.refreshToken) {
        const rows = await deps.db
          .select({ sessionId: refreshTokens.sessionId, userId: refreshTokens.userId })
          .from(refreshTokens)
          .where(eq(refreshTokens.tokenHash, hashToken(input.refreshToken)))
          .limit(1);
        target = rows[0] ?? null;
      }
      const bearer = /^Bearer (\S+)$/.exec(input.authorization ?? "")?.[1];
      if (!target && bearer) {
        const claims = await deps.signingKeys.verifyAccessToken(bearer);
        if (claims) target = { sessionId: claims.sessionId, userId: claims.userId };
      }
      if (!target) return;

      const found = target;
      await deps.db.transaction(async (tx) => {
        const revoked = await this.revokeSession(tx, found.userId, found.sessionId, "logout");
        if (revoked)
          await deps.audit.record(tx, {
            event: "auth.logout",
            userId: found.userId,
            context,
            metadata: { sessionId: found.sessionId },
          });
      });
    },

    async logoutEverywhere(userId, context) {
      return deps.db.transaction(async (tx) => {
        const count = await this.revokeAllSessions(tx, userId, "logout-all");
        await voidCredentialLinks(tx, userId, deps.clock.now());
        await deps.audit.record(tx, {
          event: "auth.logout-all",
          userId,
          context,
          metadata: { sessionsRevoked: count },
        });
        return count;
      });
    },

    async markAuthenticated(sessionId) {
      await deps.db
        .update(sessions)
        .set({ authenticatedAt: deps.clock.now() })
        .where(eq(sessions.id, sessionId));
    },

    isRecentlyAuthenticated(user) {
      const windowMs = config.reauthenticationWindowMinutes * 60_000;
      return user.authenticatedAt.getTime() + windowMs > deps.clock.now().getTime();
    },
  };
}
