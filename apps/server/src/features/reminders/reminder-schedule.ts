import { DateTime } from "luxon";
import type { ReminderKind } from "@fitcoach/contract";

import { addDays, localDateOf, localDateTimeToInstant } from "../../platform/local-date";

/**
 * When reminders fire, computed from wall-clock rules in the user's time zone. Slots are local
 * date-times ("2026-03-29T21:00"), so a 21:00 reminder stays at 21:00 local across DST changes
 * and time-zone moves, and each local slot exists once even on a day with a repeated hour.
 */

export type ScheduleKind = ReminderKind | "weekly-summary";

export interface ScheduleRule {
  kind: ScheduleKind;
  /** ISO weekdays the rule fires on, 1 for Monday to 7 for Sunday. */
  weekdays: number[];
  time: string | null;
  startTime: string | null;
  endTime: string | null;
  intervalMinutes: number | null;
}

export interface ScheduleContext {
  timeZone: string;
  /** Quiet hours as local times, or null when they are off. */
  quietHours: { start: string; end: string } | null;
  /** A slot held by quiet hours is dropped when its end is later than this after the slot. */
  lateWindowMinutes: number;
}

export interface Occurrence {
  /** The local slot, the reminder's identity: at most one reminder per rule and slot. */
  slot: string;
  /** The instant of the slot's local time; a time skipped by DST moves forward by the gap. */
  slotAt: Date;
  /** When the reminder goes out: the slot itself, or the end of quiet hours that held it. */
  fireAt: Date;
  isHeld: boolean;
}

/**
 * Whether the user set the rule's time by hand. Quiet hours hold only the others: water slots
 * come from an interval and the weekly summary from a fixed default, while a bedtime at 22:30 was
 * deliberately put inside quiet hours.
 */
export function hasExplicitTime(kind: ScheduleKind): boolean {
  return kind !== "water" && kind !== "weekly-summary";
}

/** The local times ("HH:MM") at which a rule fires on a date, before quiet hours apply. */
export function localTimesOn(rule: ScheduleRule, date: string): string[] {
  const weekday = DateTime.fromISO(date, { zone: "UTC" }).weekday;
  if (!rule.weekdays.includes(weekday)) return [];
  if (rule.kind !== "water") return rule.time ? [rule.time] : [];

  if (!rule.startTime || !rule.endTime || !rule.intervalMinutes) return [];
  const times: string[] = [];
  const end = minutesOf(rule.endTime);
  for (let minute = minutesOf(rule.startTime); minute <= end; minute += rule.intervalMinutes) {
    times.push(timeOf(minute));
  }
  return times;
}

/** Occurrences whose fire time lies in [from, to), earliest first. */
export function occurrencesBetween(
  rule: ScheduleRule,
  context: ScheduleContext,
  from: Date,
  to: Date,
): Occurrence[] {
  // A slot held overnight fires the next day, so the day before `from` can contribute.
  const first = addDays(localDateOf(from, context.timeZone), -1);
  const last = addDays(localDateOf(to, context.timeZone), 1);
  return occurrencesOnDates(rule, context, first, last).filter(
    (occurrence) => occurrence.fireAt >= from && occurrence.fireAt < to,
  );
}

/**
 * The occurrence of one slot under the rule as it is now, or null when the rule no longer fires
 * then (its time or weekdays changed, or quiet hours now drop it).
 */
export function occurrenceOfSlot(
  rule: ScheduleRule,
  context: ScheduleContext,
  slot: string,
): Occurrence | null {
  const date = slot.slice(0, 10);
  const nearby = occurrencesOnDates(rule, context, addDays(date, -1), addDays(date, 1));
  return nearby.find((occurrence) => occurrence.slot === slot) ?? null;
}

function occurrencesOnDates(
  rule: ScheduleRule,
  context: ScheduleContext,
  firstDate: string,
  lastDate: string,
): Occurrence[] {
  const lateWindowMs = context.lateWindowMinutes * 60_000;
  const found: Occurrence[] = [];
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const time of localTimesOn(rule, date)) {
      const occurrence = occurrenceAt(rule.kind, context, date, time);
      if (occurrence.fireAt.getTime() - occurrence.slotAt.getTime() > lateWindowMs) continue;
      found.push(occurrence);
    }
  }
  return keepOnePerInstant(found);
}

function occurrenceAt(
  kind: ScheduleKind,
  context: ScheduleContext,
  date: string,
  time: string,
): Occurrence {
  const slot = `${date}T${time}`;
  const slotAt = localDateTimeToInstant(slot, context.timeZone);
  const quiet = context.quietHours;
  if (!quiet || hasExplicitTime(kind) || !isInside(time, quiet)) {
    return { slot, slotAt, fireAt: slotAt, isHeld: false };
  }

  const endDate = quiet.end > time ? date : addDays(date, 1);
  const fireAt = localDateTimeToInstant(`${endDate}T${quiet.end}`, context.timeZone);
  return { slot, slotAt, fireAt, isHeld: true };
}

/** Returns the last instant a reminder may go out: its slot plus the late window. */
export function expiryOf(occurrence: Occurrence, lateWindowMs: number): Date {
  return new Date(occurrence.slotAt.getTime() + lateWindowMs);
}

/** Whether a local time lies in quiet hours; hours that cross midnight wrap around. */
export function isInside(time: string, quiet: { start: string; end: string }): boolean {
  if (quiet.start < quiet.end) return time >= quiet.start && time < quiet.end;
  return time >= quiet.start || time < quiet.end;
}

// Held slots collapse onto the end of quiet hours, and DST gaps can move two slots to one
// instant; a rule sends one reminder per instant, under the latest of those slots.
function keepOnePerInstant(occurrences: Occurrence[]): Occurrence[] {
  const byInstant = new Map<number, Occurrence>();
  for (const occurrence of occurrences) {
    const key = occurrence.fireAt.getTime();
    const kept = byInstant.get(key);
    if (!kept || kept.slot < occurrence.slot) byInstant.set(key, occurrence);
  }
  return [...byInstant.values()].sort(
    (left, right) => left.fireAt.getTime() - right.fireAt.getTime(),
  );
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function timeOf(minutes: number): string {
  const hours = String(Math.floor(minutes / 60)).padStart(2, "0");
  return `${hours}:${String(minutes % 60).padStart(2, "0")}`;
}
