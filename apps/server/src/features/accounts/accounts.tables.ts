import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Accounts with their login state and profile. `email` is stored trimmed and lower-cased. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    passwordHash: text("password_hash").notNull(),
    /** Id of the PASSWORD_PEPPER the hash was made with, so the pepper can rotate. */
    passwordPepperId: text("password_pepper_id").notNull(),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    role: text("role", { enum: ["user", "admin"] })
      .notNull()
      .default("user"),
    name: text("name"),
    timeZone: text("time_zone").notNull().default("UTC"),
    units: text("units", { enum: ["metric", "imperial"] })
      .notNull()
      .default("metric"),
    locale: text("locale", { enum: ["en", "ru", "cs"] })
      .notNull()
      .default("en"),
    birthDate: date("birth_date"),
    sex: text("sex", { enum: ["female", "male", "other"] }),
    heightCm: numeric("height_cm", { precision: 7, scale: 3, mode: "number" }),
    activityLevel: text("activity_level", {
      enum: ["sedentary", "light", "moderate", "active", "very_active"],
    }),
    waterGoalMl: integer("water_goal_ml").notNull().default(2500),
    weekStartsOn: text("week_starts_on", { enum: ["monday", "sunday"] })
      .notNull()
      .default("monday"),

    totpSecretEncrypted: text("totp_secret_encrypted"),
    totpPendingSecretEncrypted: text("totp_pending_secret_encrypted"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** Last accepted TOTP time step; a code at or before it is a replay. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),

    failedLoginCount: integer("failed_login_count").notNull().default(0),
    failedLoginWindowStartedAt: timestamp("failed_login_window_started_at", { withTimezone: true }),
    lastFailedLoginAt: timestamp("last_failed_login_at", { withTimezone: true }),
    /** Number of locks in a row; each doubles the next lock's length up to the maximum. */
    lockLevel: integer("lock_level").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),

    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    deletionDueAt: timestamp("deletion_due_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("users_email_idx").on(table.email),
    index("users_deletion_due_idx")
      .on(table.deletionDueAt)
      .where(sql`deletion_due_at is not null`),
  ],
);

export type UserRow = typeof users.$inferSelect;
