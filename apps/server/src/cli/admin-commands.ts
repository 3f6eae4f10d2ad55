import { readFileSync } from "node:fs";
import { eq, isNull } from "drizzle-orm";

import { randomToken } from "../platform/crypto";
import { users } from "../features/accounts/accounts.tables";
import { normalizeEmail } from "../features/accounts/accounts.service";
import { sessions } from "../features/auth/auth.tables";
import { assertStrongPassword } from "../features/auth/password-policy";
import type { Command } from "./commands";
import { CLI_CONTEXT, withServices } from "./cli-runtime";

function requireArgument(args: string[], index: number, name: string): string {
  const value = args[index];
  if (!value || value.startsWith("--")) throw new Error(`Missing argument: ${name}`);
  return value;
}

export const adminCommands: Record<string, Command> = {
  "admin:create": {
    summary:
      "Create an administrator, or make an existing user one: admin:create <email> [--password-stdin]",
    async run({ config, logger, args, print }) {
      const email = normalizeEmail(requireArgument(args, 0, "email"));
      const fromStdin = args.includes("--password-stdin");
      const password = fromStdin
        ? readFileSync(0, "utf8").replace(/\r?\n$/, "")
        : `${randomToken(18)}-Aa1`;

      return withServices(config, logger, async (services, deps) => {
        const db = deps.database.db;
        const existing = await services.accounts.findByEmail(db, email);
        if (existing) {
          await db.update(users).set({ role: "admin" }).where(eq(users.id, existing.id));
          await services.audit.record(db, {
            event: "admin.promoted",
            userId: existing.id,
            context: CLI_CONTEXT,
            severity: "warning",
          });
          print(`${email} is now an administrator; the password is unchanged.`);
          return 0;
        }

        await assertStrongPassword(password, [email], "password");
        const hashed = await services.hasher.hash(password);
        const now = deps.clock.now();
        const rows = await db
          .insert(users)
          .values({
            email,
            role: "admin",
            passwordHash: hashed.hash,
            passwordPepperId: hashed.pepperId,
            emailVerifiedAt: now,
          })
          .returning({ id: users.id });
        await services.audit.record(db, {
          event: "admin.created",
          userId: rows[0]!.id,
          context: CLI_CONTEXT,
          severity: "warning",
        });
        print(`Created administrator ${email}.`);
        if (!fromStdin) print(`Password (shown once, change it after logging in): ${password}`);
        return 0;
      });
    },
  },

  "users:revoke-sessions": {
    summary: "End every session of one user: users:revoke-sessions <email>",
    async run({ config, logger, args, print }) {
      const email = requireArgument(args, 0, "email");
      return withServices(config, logger, async (services, deps) => {
        const db = deps.database.db;
        const user = await services.accounts.findByEmail(db, email);
        if (!user) {
          print(`No user with the email ${email}.`);
          return 1;
        }
        const count = await db.transaction(async (tx) => {
          const revoked = await services.sessions.revokeAllSessions(
            tx,
            user.id,
            "revoked-by-admin",
          );
          await services.audit.record(tx, {
            event: "admin.sessions-revoked",
            userId: user.id,
            context: CLI_CONTEXT,
            severity: "warning",
            metadata: { sessionsRevoked: revoked },
          });
          return revoked;
        });
        print(`Revoked ${count} session(s) of ${user.email}.`);
        return 0;
      });
    },
  },

  "keys:rotate": {
    summary: "Make a new access-token signing key; older keys verify until their tokens expire",
    async run({ config, logger, print }) {
      return withServices(config, logger, async (services, deps) => {
        const result = await services.signingKeys.rotate();
        await services.audit.record(deps.database.db, {
          event: "admin.keys-rotated",
          userId: null,
          context: CLI_CONTEXT,
          severity: "warning",
          metadata: result,
        });
        print(
          `New signing key ${result.kid}; retired ${result.retired.length ? result.retired.join(", ") : "none"}.`,
        );
        return 0;
      });
    },
  },

  incident: {
    summary: "Incident response: revoke every session of every user and rotate the signing keys",
    async run({ config, logger, print }) {
      return withServices(config, logger, async (services, deps) => {
        const db = deps.database.db;
        const now = deps.clock.now();
        const revoked = await db
          .update(sessions)
          .set({ revokedAt: now, revokeReason: "incident" })
          .where(isNull(sessions.revokedAt))
          .returning({ id: sessions.id });
        const rotated = await services.signingKeys.rotate();
        await services.audit.record(db, {
          event: "admin.incident",
          userId: null,
          context: CLI_CONTEXT,
          severity: "high",
          metadata: {
            sessionsRevoked: revoked.length,
            newKid: rotated.kid,
            retiredKids: rotated.retired,
          },
        });
        print(`Revoked ${revoked.length} session(s); every refresh token is now invalid.`);
        print(
          `Rotated signing keys: new ${rotated.kid}, retired ${rotated.retired.join(", ") || "none"}.`,
        );
        print(
          "Access tokens already issued stop working at once, because every request checks its session.",
        );
        return 0;
      });
    },
  },
};
