import type { MealPlan, Program } from "@fitcoach/contract";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

import { users } from "../accounts/accounts.tables";

/** Data areas each user allows the coach to send to an external model; no row means none. */
export const coachConsents = pgTable("coach_consents", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  meals: boolean("meals").notNull().default(false),
  workouts: boolean("workouts").notNull().default(false),
  sleep: boolean("sleep").notNull().default(false),
  mood: boolean("mood").notNull().default(false),
  weight: boolean("weight").notNull().default(false),
  notes: boolean("notes").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/**
 * Every call to an external model: what was sent (areas, not content), tokens and cost. The cost
 * sums per day are the cost budgets, so the index on `created_at` serves the global sum.
 */
export const coachCalls = pgTable(
  "coach_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Insertion order; the ledger pages by it because calls can share a timestamp. */
    sequence: bigserial("sequence", { mode: "number" }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    agent: text("agent", { enum: ["summary", "chat", "meal-photo"] }).notNull(),
    provider: text("provider", { enum: ["builtin", "openai", "gemini"] }).notNull(),
    model: text("model").notNull(),
    areas: text("areas").array().notNull(),
    inputTokens: integer("input_tokens").notNull(),
    outputTokens: integer("output_tokens").notNull(),
    costMicroUsd: bigint("cost_micro_usd", { mode: "number" }).notNull(),
    outcome: text("outcome", { enum: ["ok", "failed", "timed-out"] }).notNull(),
    durationMs: integer("duration_ms").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("coach_calls_user_sequence_idx").on(table.userId, table.sequence),
    index("coach_calls_user_created_idx").on(table.userId, table.createdAt),
    index("coach_calls_created_idx").on(table.createdAt),
  ],
);

export const coachConversations = pgTable(
  "coach_conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    messageCount: integer("message_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("coach_conversations_user_updated_idx").on(table.userId, table.updatedAt)],
);

export const coachMessages = pgTable(
  "coach_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Order within the conversation. */
    sequence: bigserial("sequence", { mode: "number" }).notNull(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => coachConversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull(),
    /** Provider that wrote an assistant message; null for the user's own messages. */
    provider: text("provider", { enum: ["builtin", "openai", "gemini"] }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("coach_messages_conversation_idx").on(table.conversationId, table.sequence),
    index("coach_messages_user_idx").on(table.userId),
  ],
);

/** Proposed and accepted 7-day meal plans; `plan` contains the days as the API returns them. */
export const coachMealPlans = pgTable(
  "coach_meal_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["proposed", "accepted"] })
      .notNull()
      .default("proposed"),
    startDate: date("start_date"),
    /**
     * Last plan date written into the meal log. Days more than one day ahead are written when they
     * come that close, because logged meals may not be dated further ahead.
     */
    prefilledThrough: date("prefilled_through"),
    plan: jsonb("plan").$type<Pick<MealPlan, "targets" | "days" | "rule">>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (table) => [
    index("coach_meal_plans_user_created_idx").on(table.userId, table.createdAt),
    index("coach_meal_plans_prefill_idx").on(table.status, table.prefilledThrough),
  ],
);

/** Training programs; `schedule` contains the prescribed weeks, and logged sets have their own table. */
export const coachPrograms = pgTable(
  "coach_programs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["proposed", "active", "stopped"] })
      .notNull()
      .default("proposed"),
    name: text("name").notNull(),
    goal: text("goal", { enum: ["strength", "hypertrophy", "endurance", "general"] }).notNull(),
    level: text("level", { enum: ["beginner", "intermediate", "expert"] }).notNull(),
    daysPerWeek: integer("days_per_week").notNull(),
    equipment: text("equipment").array().notNull(),
    rule: text("rule").notNull(),
    schedule: jsonb("schedule").$type<ProgramSchedule>().notNull(),
    startDate: date("start_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("coach_programs_user_created_idx").on(table.userId, table.createdAt),
    // One program at a time is followed; following another stops the previous one.
    uniqueIndex("coach_programs_one_active_idx")
      .on(table.userId)
      .where(sql`status = 'active'`),
  ],
);

/** Prescribed weeks of a program without the logged sets. */
export type ProgramSchedule = {
  week: number;
  isDeload: boolean;
  sessions: {
    session: number;
    name: string;
    exercises: Omit<Program["weeks"][number]["sessions"][number]["exercises"][number], "logged">[];
  }[];
}[];

/** Sets logged against a program session; logging a session again replaces its sets. */
export const coachProgramSets = pgTable(
  "coach_program_sets",
  {
    programId: uuid("program_id")
      .notNull()
      .references(() => coachPrograms.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    week: integer("week").notNull(),
    session: integer("session").notNull(),
    exerciseId: text("exercise_id").notNull(),
    setNumber: integer("set_number").notNull(),
    date: date("date").notNull(),
    reps: integer("reps"),
    weightKg: numeric("weight_kg", { precision: 7, scale: 2, mode: "number" }),
    durationSeconds: integer("duration_seconds"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({
      columns: [table.programId, table.week, table.session, table.exerciseId, table.setNumber],
    }),
    index("coach_program_sets_user_idx").on(table.userId),
  ],
);
