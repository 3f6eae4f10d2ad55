import { and, eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";

import type { Clock } from "../../platform/clock";
import type { Database } from "../../platform/database";
import { rowsOf, sql } from "../../platform/database";
import { upsertPendingJobs } from "../../platform/jobs/job-queue";
import type { JobWorker, NewJob } from "../../platform/jobs/job-queue";
import { addDays } from "../../platform/local-date";
import type { AccountsService } from "../accounts/accounts.service";
import type { UserRow } from "../accounts/accounts.tables";
import {
  isReachable,
  loadSettingsRows,
  scheduleContextOf,
  scheduleRuleOf,
} from "./reminder-context";
import { expiryOf, occurrencesBetween } from "./reminder-schedule";
import type { ScheduleRule } from "./reminder-schedule";
import { reminderRules } from "./reminders.tables";
import type { ReminderRuleRow, ReminderSettingsRow } from "./reminders.tables";

export const DELIVER_REMINDER_JOB = "reminders.deliver";
export const WEEKLY_SUMMARY_JOB = "reminders.weekly-summary";

/** Local time of the weekly summary on the first day of the user's week. */
export const WEEKLY_SUMMARY_TIME = "09:00";
/** A weekly summary that could not go out within a day of its time is skipped. */
export const WEEKLY_SUMMARY_LATE_WINDOW_MINUTES = 24 * 60;

// Jobs are queued this far ahead. It must exceed the planning interval (at most an hour), so
// every slot is queued by at least one pass before it is due.
const PLANNING_HORIZON_MS = 6 * 3_600_000;
const USERS_PER_PAGE = 500;
const JOBS_PER_STATEMENT = 500;
// Retries of one reminder stay within its late window anyway; this bounds a weekly summary's.
const DELIVERY_MAX_ATTEMPTS = 8;

export interface ReminderPlanner {
  /** Queues the due and upcoming reminders of every user; returns how many jobs changed. */
  planAll(): Promise<number>;
  /** Queues one user's, right after their rules or settings change. */
  planUser(userId: string): Promise<number>;
}

/** Builds the schedule of the weekly summary: the first day of the user's week at 09:00. */
export function weeklySummaryRule(weekStartsOn: "monday" | "sunday"): ScheduleRule {
  return {
    kind: "weekly-summary",
    weekdays: [weekStartsOn === "sunday" ? 7 : 1],
    time: WEEKLY_SUMMARY_TIME,
    startTime: null,
    endTime: null,
    intervalMinutes: null,
  };
}

/** Returns the seven local dates a summary reports: the week that ended the day before it. */
export function summaryWeekOf(slot: string): { firstDate: string; lastDate: string } {
  const sendDate = slot.slice(0, 10);
  return { firstDate: addDays(sendDate, -7), lastDate: addDays(sendDate, -1) };
}

export function reminderDedupeKey(userId: string, ruleId: string, slot: string): string {
  return `reminder:${userId}:${ruleId}:${slot}`;
}

/**
 * Turns rules into jobs: every due reminder is one `reminders.deliver` job whose dedupe key is
 * (user, rule, local slot), so planning passes on any number of instances queue it once. Each
 * pass also re-times queued jobs that were not tried yet, which is how a changed rule, quiet
 * hours or time zone reaches jobs queued before the change.
 */
export function createReminderPlanner(deps: {
  db: Database;
  clock: Clock;
  logger: Logger;
  jobs: JobWorker;
  accounts: AccountsService;
  lateWindowMinutes: number;
}): ReminderPlanner {
  const log = deps.logger.child({ component: "reminders" });

  function reminderJobs(
    user: UserRow,
    rules: ReminderRuleRow[],
    settings: ReminderSettingsRow,
    now: Date,
  ): (NewJob & { dedupeKey: string })[] {
    const context = scheduleContextOf(user, settings, deps.lateWindowMinutes);
    const lateWindowMs = deps.lateWindowMinutes * 60_000;
    const horizon = new Date(now.getTime() + PLANNING_HORIZON_MS);
    return rules.flatMap((rule) => {
      // Slots before the rule's last change belong to the rule as it was, so they are not sent.
      const from = new Date(
        Math.max(now.getTime() - lateWindowMs, rule.scheduleChangedAt.getTime()),
      );
      return occurrencesBetween(scheduleRuleOf(rule), context, from, horizon).map((occurrence) => ({
        kind: DELIVER_REMINDER_JOB,
        payload: { userId: user.id, ruleId: rule.id, slot: occurrence.slot },
        runAt: occurrence.fireAt,
        expiresAt: expiryOf(occurrence, lateWindowMs),
        dedupeKey: reminderDedupeKey(user.id, rule.id, occurrence.slot),
        maxAttempts: DELIVERY_MAX_ATTEMPTS,
      }));
    });
  }

  function summaryJobs(
    user: UserRow,
    settings: ReminderSettingsRow,
    now: Date,
  ): (NewJob & { dedupeKey: string })[] {
    if (!settings.weeklySummaryEnabled || user.emailVerifiedAt === null) return [];
    const context = scheduleContextOf(user, settings, WEEKLY_SUMMARY_LATE_WINDOW_MINUTES);
    const lateWindowMs = WEEKLY_SUMMARY_LATE_WINDOW_MINUTES * 60_000;
    const from = new Date(now.getTime() - lateWindowMs);
    const horizon = new Date(now.getTime() + PLANNING_HORIZON_MS);
    return occurrencesBetween(weeklySummaryRule(user.weekStartsOn), context, from, horizon).map(
      (occurrence) => ({
        kind: WEEKLY_SUMMARY_JOB,
        payload: { userId: user.id, slot: occurrence.slot },
        runAt: occurrence.fireAt,
        expiresAt: expiryOf(occurrence, lateWindowMs),
        dedupeKey: `weekly-summary:${user.id}:${summaryWeekOf(occurrence.slot).firstDate}`,
        maxAttempts: DELIVERY_MAX_ATTEMPTS,
      }),
    );
  }

  async function planUsers(userIds: string[]): Promise<number> {
    const now = deps.clock.now();
    const [users, rules, settings] = await Promise.all([
      deps.accounts.findByIds(deps.db, userIds),
      deps.db
        .select()
        .from(reminderRules)
        .where(and(inArray(reminderRules.userId, userIds), eq(reminderRules.enabled, true))),
      loadSettingsRows(deps.db, userIds, now),
    ]);

    const batch = users.filter(isReachable).flatMap((user) => [
      ...reminderJobs(
        user,
        rules.filter((rule) => rule.userId === user.id),
        settings.get(user.id)!,
        now,
      ),
      ...summaryJobs(user, settings.get(user.id)!, now),
    ]);
    let changed = 0;
    for (let start = 0; start < batch.length; start += JOBS_PER_STATEMENT) {
      changed += await upsertPendingJobs(deps.db, batch.slice(start, start + JOBS_PER_STATEMENT));
    }
    if (changed > 0) deps.jobs.kick();
    return changed;
  }

  return {
    async planAll() {
      let changed = 0;
      let users = 0;
      let after = "00000000-0000-0000-0000-000000000000";
      for (;;) {
        const page = rowsOf<{ user_id: string }>(
          await deps.db.execute(sql`
            select user_id from (
              select user_id from reminder_rules where enabled
              union
              select user_id from reminder_settings where weekly_summary_enabled
            ) as planned
            where user_id > ${after}
            order by user_id
            limit ${USERS_PER_PAGE}`),
        ).map((row) => String(row.user_id));
        if (page.length === 0) break;
        changed += await planUsers(page);
        users += page.length;
        after = page.at(-1)!;
      }
      log.info({ users, changed }, "reminders planned");
      return changed;
    },

    planUser(userId) {
      return planUsers([userId]);
    },
  };
}
