import { eq, inArray } from "drizzle-orm";
import { QUIET_HOURS_DEFAULT } from "@fitcoach/contract";
import type { ReminderSettings } from "@fitcoach/contract";

import type { Executor } from "../../platform/database";
import type { UserRow } from "../accounts/accounts.tables";
import type { ScheduleContext, ScheduleRule } from "./reminder-schedule";
import { reminderSettings } from "./reminders.tables";
import type { ReminderRuleRow, ReminderSettingsRow } from "./reminders.tables";

/** Returns the settings of a user who never changed them. */
export function defaultSettingsRow(userId: string, now: Date): ReminderSettingsRow {
  return {
    userId,
    quietHoursEnabled: true,
    quietStart: QUIET_HOURS_DEFAULT.start,
    quietEnd: QUIET_HOURS_DEFAULT.end,
    weeklySummaryEnabled: false,
    version: 1,
    updatedAt: now,
  };
}

export async function loadSettingsRow(
  executor: Executor,
  userId: string,
  now: Date,
): Promise<ReminderSettingsRow> {
  const rows = await executor
    .select()
    .from(reminderSettings)
    .where(eq(reminderSettings.userId, userId));
  return rows[0] ?? defaultSettingsRow(userId, now);
}

/** Loads the settings of several users, with defaults for users who have no row. */
export async function loadSettingsRows(
  executor: Executor,
  userIds: string[],
  now: Date,
): Promise<Map<string, ReminderSettingsRow>> {
  const rows =
    userIds.length === 0
      ? []
      : await executor
          .select()
          .from(reminderSettings)
          .where(inArray(reminderSettings.userId, userIds));
  const byUser = new Map(rows.map((row) => [row.userId, row]));
  for (const userId of userIds) {
    if (!byUser.has(userId)) byUser.set(userId, defaultSettingsRow(userId, now));
  }
  return byUser;
}

export function scheduleContextOf(
  user: Pick<UserRow, "timeZone">,
  settings: ReminderSettingsRow,
  lateWindowMinutes: number,
): ScheduleContext {
  return {
    timeZone: user.timeZone,
    quietHours: settings.quietHoursEnabled
      ? { start: settings.quietStart, end: settings.quietEnd }
      : null,
    lateWindowMinutes,
  };
}

export function scheduleRuleOf(row: ReminderRuleRow): ScheduleRule {
  return {
    kind: row.kind,
    weekdays: row.weekdays,
    time: row.time,
    startTime: row.startTime,
    endTime: row.endTime,
    intervalMinutes: row.intervalMinutes,
  };
}

/** Returns whether reminders may reach an account: not disabled, not waiting for deletion. */
export function isReachable(user: Pick<UserRow, "disabledAt" | "deletionDueAt">): boolean {
  return user.disabledAt === null && user.deletionDueAt === null;
}

export function toSettingsView(row: ReminderSettingsRow): ReminderSettings {
  return {
    quietHours: { enabled: row.quietHoursEnabled, start: row.quietStart, end: row.quietEnd },
    weeklySummary: row.weeklySummaryEnabled,
    version: row.version,
  };
}
