import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  QUIET_HOURS_DEFAULT,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  REMINDER_MEAL_TYPES,
} from "@fitcoach/contract";

import { users } from "../accounts/accounts.tables";

/**
 * Reminder rules. Times are local wall-clock times ("21:00") in the user's current time zone;
 * which columns a rule uses depends on its kind (water: window and interval; meal: meal type and
 * time; the others: time).
 */
export const reminderRules = pgTable(
  "reminder_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    enabled: boolean("enabled").notNull(),
    channel: text("channel", { enum: REMINDER_CHANNELS }).notNull(),
    /** ISO weekdays, 1 for Monday to 7 for Sunday. */
    weekdays: integer("weekdays").array().notNull(),
    time: text("time"),
    startTime: text("start_time"),
    endTime: text("end_time"),
    intervalMinutes: integer("interval_minutes"),
    mealType: text("meal_type", { enum: REMINDER_MEAL_TYPES }),
    version: integer("version").notNull().default(1),
    /** Last change to when the rule fires; slots before it are never sent. */
    scheduleChangedAt: timestamp("schedule_changed_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("reminder_rules_user_idx").on(table.userId),
    index("reminder_rules_enabled_user_idx")
      .on(table.userId)
      .where(sql`enabled`),
  ],
);

export type ReminderRuleRow = typeof reminderRules.$inferSelect;

/** Per-user reminder settings; a user without a row has the defaults. */
export const reminderSettings = pgTable(
  "reminder_settings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    quietHoursEnabled: boolean("quiet_hours_enabled").notNull().default(true),
    quietStart: text("quiet_start").notNull().default(QUIET_HOURS_DEFAULT.start),
    quietEnd: text("quiet_end").notNull().default(QUIET_HOURS_DEFAULT.end),
    weeklySummaryEnabled: boolean("weekly_summary_enabled").notNull().default(false),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("reminder_settings_weekly_idx")
      .on(table.userId)
      .where(sql`weekly_summary_enabled`),
  ],
);

export type ReminderSettingsRow = typeof reminderSettings.$inferSelect;

export const DELIVERY_STATUSES = ["sending", "retry", "sent", "skipped", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One row per reminder slot or weekly summary that was handled, written before anything is
 * sent. It makes delivery at-most-once: a retried job resumes only from `retry`, and a row left in
 * `sending` by a crash is never sent again.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    ruleId: uuid("rule_id").references(() => reminderRules.id, { onDelete: "cascade" }),
    /** `rule:<rule id>:<local slot>` or `weekly-summary:<first date of the week>`. */
    sourceKey: text("source_key").notNull(),
    kind: text("kind").notNull(),
    channel: text("channel", { enum: REMINDER_CHANNELS }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull(),
    /** Reason a reminder was skipped (goal-met, meal-logged, day-complete) or failed. */
    reason: text("reason"),
    slotAt: timestamp("slot_at", { withTimezone: true }).notNull(),
    /** Push subscriptions that already received it, so a retry skips them. */
    pushedSubscriptionIds: text("pushed_subscription_ids")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("reminder_deliveries_source_idx").on(table.userId, table.sourceKey),
    index("reminder_deliveries_created_idx").on(table.createdAt),
  ],
);

export type ReminderDeliveryRow = typeof reminderDeliveries.$inferSelect;
