import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { REMINDER_RULES_MAX } from "@fitcoach/contract";
import type {
  ReminderRule,
  ReminderRuleCreate,
  ReminderRulePatch,
  ReminderSettings,
  ReminderSettingsPatch,
} from "@fitcoach/contract";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { problem } from "../../platform/errors";
import { versionConflict } from "../../platform/etag";
import type { AccountsService } from "../accounts/accounts.service";
import {
  loadSettingsRow,
  scheduleContextOf,
  scheduleRuleOf,
  toSettingsView,
} from "./reminder-context";
import type { ReminderPlanner } from "./reminder-planner";
import { assertChannelAllowed, mergeRule, ruleColumns, toRuleView } from "./reminder-rules";
import type { Caller } from "./reminder-rules";
import { occurrencesBetween } from "./reminder-schedule";
import { reminderRules, reminderSettings } from "./reminders.tables";
import type { ReminderRuleRow } from "./reminders.tables";
import type { UnsubscribeTokens, UnsubscribeTopic } from "./unsubscribe-token";

export interface RemindersService {
  listRules(userId: string): Promise<ReminderRule[]>;
  getRule(userId: string, ruleId: string): Promise<ReminderRule>;
  createRule(caller: Caller, input: ReminderRuleCreate): Promise<ReminderRule>;
  updateRule(
    caller: Caller,
    ruleId: string,
    patch: ReminderRulePatch,
    expectedVersion: number | null,
  ): Promise<ReminderRule>;
  deleteRule(userId: string, ruleId: string, expectedVersion: number | null): Promise<void>;
  getSettings(userId: string): Promise<ReminderSettings>;
  updateSettings(
    caller: Caller,
    patch: ReminderSettingsPatch,
    expectedVersion: number | null,
  ): Promise<ReminderSettings>;
  /** Applies a one-click unsubscribe token; returns what was turned off, or null if invalid. */
  unsubscribe(token: string): Promise<UnsubscribeTopic | null>;
}

// `nextAt` looks this far ahead, enough for a rule that fires once a week.
const NEXT_AT_SEARCH_MS = 8 * 86_400_000;
const SCHEDULE_FIELDS = [
  "enabled",
  "weekdays",
  "time",
  "startTime",
  "endTime",
  "intervalMinutes",
] as const;

export function createRemindersService(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  accounts: AccountsService;
  planner: ReminderPlanner;
  unsubscribeTokens: UnsubscribeTokens;
  lateWindowMinutes: number;
}): RemindersService {
  const log = deps.logger.child({ component: "reminders" });

  async function toViews(userId: string, rows: ReminderRuleRow[]): Promise<ReminderRule[]> {
    const now = deps.clock.now();
    const [user, settings] = await Promise.all([
      deps.accounts.findById(deps.db, userId),
      loadSettingsRow(deps.db, userId, now),
    ]);
    const context = scheduleContextOf(
      { timeZone: user?.timeZone ?? "UTC" },
      settings,
      deps.lateWindowMinutes,
    );
    const until = new Date(now.getTime() + NEXT_AT_SEARCH_MS);
    return rows.map((row) => {
      const next = row.enabled
        ? occurrencesBetween(scheduleRuleOf(row), context, now, until)[0]
        : undefined;
      return toRuleView(row, next?.fireAt ?? null);
    });
  }

  async function findRule(userId: string, ruleId: string): Promise<ReminderRuleRow> {
    const rows = await deps.db
      .select()
      .from(reminderRules)
      .where(and(eq(reminderRules.id, ruleId), eq(reminderRules.userId, userId)));
    if (!rows[0])
      throw problem("not-found", { detail: `No reminder rule ${ruleId} for this user.` });
    return rows[0];
  }

  // Rules take effect at once: a reminder due in a minute must not wait for the next planning pass.
  async function replan(userId: string): Promise<void> {
    try {
      await deps.planner.planUser(userId);
    } catch (error) {
      log.warn({ err: error, userId }, "reminder planning after a change failed");
    }
  }

  return {
    async listRules(userId) {
      const rows = await deps.db
        .select()
        .from(reminderRules)
        .where(eq(reminderRules.userId, userId))
        .orderBy(asc(reminderRules.createdAt), asc(reminderRules.id));
      return toViews(userId, rows);
    },

    async getRule(userId, ruleId) {
      return (await toViews(userId, [await findRule(userId, ruleId)]))[0]!;
    },

    async createRule(caller, input) {
      assertChannelAllowed(caller, input.channel);
      const now = deps.clock.now();

      const row = await deps.db.transaction(async (tx) => {
        // Serialises creates per user, so two instances cannot both pass the limit check.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`reminder-rules:${caller.userId}`}, 0))`,
        );
        const existing = await tx
          .select({ total: count() })
          .from(reminderRules)
          .where(eq(reminderRules.userId, caller.userId));
        if ((existing[0]?.total ?? 0) >= REMINDER_RULES_MAX) {
          throw problem("conflict", {
            detail: `An account can have at most ${REMINDER_RULES_MAX} reminder rules; delete one first.`,
          });
        }
        const inserted = await tx
          .insert(reminderRules)
          .values({
            userId: caller.userId,
            ...ruleColumns(input),
            scheduleChangedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        return inserted[0]!;
      });

      await replan(caller.userId);
      return (await toViews(caller.userId, [row]))[0]!;
    },

    async updateRule(caller, ruleId, patch, expectedVersion) {
      const current = await findRule(caller.userId, ruleId);
      if (expectedVersion !== null && expectedVersion !== current.version) {
        throw versionConflict("The reminder rule");
      }
      const merged = mergeRule(current, patch);
      assertChannelAllowed(caller, merged.channel);

      const now = deps.clock.now();
      const columns = ruleColumns(merged);
      const scheduleChanged = SCHEDULE_FIELDS.some(
        (field) => JSON.stringify(columns[field]) !== JSON.stringify(current[field]),
      );
      const rows = await deps.db
        .update(reminderRules)
        .set({
          ...columns,
          version: current.version + 1,
          updatedAt: now,
          ...(scheduleChanged ? { scheduleChangedAt: now } : {}),
        })
        .where(and(eq(reminderRules.id, ruleId), eq(reminderRules.version, current.version)))
        .returning();
      if (!rows[0]) throw versionConflict("The reminder rule");

      await replan(caller.userId);
      return (await toViews(caller.userId, rows))[0]!;
    },

    async deleteRule(userId, ruleId, expectedVersion) {
      const current = await findRule(userId, ruleId);
      if (expectedVersion !== null && expectedVersion !== current.version) {
        throw versionConflict("The reminder rule");
      }
      const rows = await deps.db
        .delete(reminderRules)
        .where(and(eq(reminderRules.id, ruleId), eq(reminderRules.version, current.version)))
        .returning({ id: reminderRules.id });
      if (!rows[0]) throw versionConflict("The reminder rule");
    },

    async getSettings(userId) {
      return toSettingsView(await loadSettingsRow(deps.db, userId, deps.clock.now()));
    },

    async updateSettings(caller, patch, expectedVersion) {
      if (patch.weeklySummary) assertChannelAllowed(caller, "email");
      const now = deps.clock.now();
      const current = await loadSettingsRow(deps.db, caller.userId, now);
      if (expectedVersion !== null && expectedVersion !== current.version) {
        throw versionConflict("The reminder settings");
      }

      const next = {
        quietHoursEnabled: patch.quietHours?.enabled ?? current.quietHoursEnabled,
        quietStart: patch.quietHours?.start ?? current.quietStart,
        quietEnd: patch.quietHours?.end ?? current.quietEnd,
        weeklySummaryEnabled: patch.weeklySummary ?? current.weeklySummaryEnabled,
        version: current.version + 1,
        updatedAt: now,
      };
      const rows = await deps.db
        .insert(reminderSettings)
        .values({ userId: caller.userId, ...next })
        .onConflictDoUpdate({
          target: reminderSettings.userId,
          set: next,
          setWhere: eq(reminderSettings.version, current.version),
        })
        .returning();
      if (!rows[0]) throw versionConflict("The reminder settings");

      await replan(caller.userId);
      return toSettingsView(rows[0]);
    },

    async unsubscribe(token) {
      const verified = deps.unsubscribeTokens.verify(token);
      if (!verified) return null;
      const now = deps.clock.now();

      if (verified.topic.kind === "rule") {
        await deps.db
          .update(reminderRules)
          .set({ channel: "in-app", version: sql`${reminderRules.version} + 1`, updatedAt: now })
          .where(
            and(
              eq(reminderRules.id, verified.topic.ruleId),
              eq(reminderRules.userId, verified.userId),
              eq(reminderRules.channel, "email"),
            ),
          );
      } else {
        await deps.db
          .update(reminderSettings)
          .set({
            weeklySummaryEnabled: false,
            version: sql`${reminderSettings.version} + 1`,
            updatedAt: now,
          })
          .where(
            and(
              eq(reminderSettings.userId, verified.userId),
              eq(reminderSettings.weeklySummaryEnabled, true),
            ),
          );
      }
      log.info({ userId: verified.userId, topic: verified.topic.kind }, "email unsubscribed");
      return verified.topic;
    },
  };
}
