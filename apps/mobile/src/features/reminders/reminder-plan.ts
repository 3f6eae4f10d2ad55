import type { ReminderRule, ReminderSettings } from "@fitcoach/contract";

/**
 * iOS keeps at most 64 pending local notifications per app, so the plan stays below that and
 * the app plans again whenever it starts, returns to the foreground or the rules change.
 */
export const PLANNED_NOTIFICATIONS_MAX = 60;
/** How far ahead the plan reaches. */
export const PLAN_HORIZON_HOURS = 48;

/** One local notification to schedule. */
export interface PlannedReminder {
  ruleId: string;
  kind: ReminderRule["kind"];
  mealType: ReminderRule["mealType"];
  fireAt: Date;
}

/**
 * Lists the notifications the enabled rules ask for in the next PLAN_HORIZON_HOURS, earliest
 * first, in the device's time zone. Water slots inside quiet hours are left out: the server holds
 * such a slot until quiet hours end, but a scheduled notification cannot check later whether it is
 * still wanted. Times the user set (meals, bedtime) fire even inside quiet hours, as on the server.
 */
export function planReminders(
  rules: readonly ReminderRule[],
  settings: Pick<ReminderSettings, "quietHours"> | null,
  now: Date,
): PlannedReminder[] {
  const horizon = new Date(now.getTime() + PLAN_HORIZON_HOURS * 3_600_000);
  const planned: PlannedReminder[] = [];

  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const day of daysCovering(now, horizon)) {
      if (!rule.weekdays.includes(isoWeekday(day))) continue;
      for (const minutes of slotMinutes(rule)) {
        const fireAt = atMinutes(day, minutes);
        if (fireAt <= now || fireAt > horizon) continue;
        if (rule.kind === "water" && isInQuietHours(minutes, settings)) continue;
        planned.push({ ruleId: rule.id, kind: rule.kind, mealType: rule.mealType, fireAt });
      }
    }
  }

  planned.sort((left, right) => left.fireAt.getTime() - right.fireAt.getTime());
  return planned.slice(0, PLANNED_NOTIFICATIONS_MAX);
}

/** Minutes after midnight at which a rule fires on a day it is active. */
function slotMinutes(rule: ReminderRule): number[] {
  if (rule.kind !== "water") return rule.time ? [parseTime(rule.time)] : [];
  if (!rule.startTime || !rule.endTime || !rule.intervalMinutes) return [];

  const slots: number[] = [];
  const end = parseTime(rule.endTime);
  for (let minutes = parseTime(rule.startTime); minutes <= end; minutes += rule.intervalMinutes) {
    slots.push(minutes);
  }
  return slots;
}

function isInQuietHours(
  minutes: number,
  settings: Pick<ReminderSettings, "quietHours"> | null,
): boolean {
  const quiet = settings?.quietHours;
  if (!quiet?.enabled) return false;
  const start = parseTime(quiet.start);
  const end = parseTime(quiet.end);
  // Quiet hours such as 22:00 to 07:00 cross midnight.
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

function parseTime(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return hours! * 60 + minutes!;
}

/** Local midnights of every day from `from` to `to`. */
function daysCovering(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  const day = new Date(from.getFullYear(), from.getMonth(), from.getDate());
  while (day <= to) {
    days.push(new Date(day));
    day.setDate(day.getDate() + 1);
  }
  return days;
}

/** ISO weekday of a local date: 1 for Monday to 7 for Sunday. */
function isoWeekday(day: Date): number {
  return day.getDay() === 0 ? 7 : day.getDay();
}

// Setting hours and minutes on the local date keeps wall-clock times across DST changes.
function atMinutes(day: Date, minutes: number): Date {
  const result = new Date(day);
  result.setHours(Math.floor(minutes / 60), minutes % 60, 0, 0);
  return result;
}
