import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

/** A login on one device: the family of refresh tokens that rotate from it. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clientType: text("client_type", { enum: ["web", "native"] }).notNull(),
    deviceLabel: text("device_label").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
    /** Time of the last password or TOTP check in this session, for sensitive actions. */
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull(),
    /** The session ends here whatever the refreshes (absolute lifetime). */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (table) => [index("sessions_user_idx").on(table.userId, table.createdAt)],
);

/** Refresh tokens, stored as SHA-256 digests; each is used once and names its successor. */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    replacedById: uuid("replaced_by_id"),
  },
  (table) => [
    uniqueIndex("refresh_tokens_hash_idx").on(table.tokenHash),
    index("refresh_tokens_session_idx").on(table.sessionId),
  ],
);

export const ACTION_PURPOSES = [
  "verify-email",
  "password-reset",
  "unlock",
  "email-change",
] as const;
export type ActionPurpose = (typeof ACTION_PURPOSES)[number];

/** Single-use links sent by mail (verification, reset, unlock, email change), stored hashed. */
export const actionTokens = pgTable(
  "action_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACTION_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    data: jsonb("data").$type<Record<string, string>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when the link is used, or when a newer link or a password change voids it. */
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("action_tokens_hash_idx").on(table.tokenHash),
    index("action_tokens_user_purpose_idx").on(table.userId, table.purpose, table.createdAt),
  ],
);

/** A password login waiting for its second factor. */
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** Client details of the login, replayed into the session once the second factor passes. */
    context: jsonb("context").$type<Record<string, string | null>>().notNull(),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("mfa_challenges_hash_idx").on(table.tokenHash)],
);

/** Devices that completed a login; brute-force locks never apply to them. */
export const knownDevices = pgTable(
  "known_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    label: text("label").notNull(),
    /** Wrong passwords from this device in a row; too many and it loses its trusted status. */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("known_devices_hash_idx").on(table.tokenHash),
    index("known_devices_user_idx").on(table.userId),
  ],
);
