import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Keys that sign access tokens. One key signs at a time; a retired key keeps verifying until the
 * last token it signed has expired (`verify_until`), so rotation does not log users out.
 */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  algorithm: text("algorithm").notNull(),
  publicJwk: jsonb("public_jwk").$type<Record<string, string>>().notNull(),
  privateJwkEncrypted: text("private_jwk_encrypted").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  verifyUntil: timestamp("verify_until", { withTimezone: true }),
});
