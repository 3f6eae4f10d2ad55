import { describe, expect, it } from "vitest";

import { isInside, localTimesOn, occurrenceOfSlot, occurrencesBetween } from "./reminder-schedule";
import type { ScheduleContext, ScheduleRule } from "./reminder-schedule";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

function fixedRule(kind: ScheduleRule["kind"], time: string, weekdays = EVERY_DAY): ScheduleRule {
  return { kind, weekdays, time, startTime: null, endTime: null, intervalMinutes: null };
}

function waterRule(startTime: string, endTime: string, intervalMinutes: number): ScheduleRule {
  return { kind: "water", weekdays: EVERY_DAY, time: null, startTime, endTime, intervalMinutes };
}

function berlin(quietHours: ScheduleContext["quietHours"] = null): ScheduleContext {
  return { timeZone: "Europe/Berlin", quietHours, lateWindowMinutes: 60 };
}

function fireTimes(
  rule: ScheduleRule,
  context: ScheduleContext,
  from: string,
  to: string,
): string[] {
  return occurrencesBetween(rule, context, new Date(from), new Date(to)).map((occurrence) =>
    occurrence.fireAt.toISOString(),
  );
}

describe("reminder schedule", () => {
  it("fires 21:00 Berlin at 19:00 UTC in summer", () => {
    expect(
      fireTimes(
        fixedRule("daily-log", "21:00"),
        berlin(),
        "2026-07-01T00:00Z",
        "2026-07-02T00:00Z",
      ),
    ).toEqual(["2026-07-01T19:00:00.000Z"]);
  });

  it("fires 21:00 Berlin at 20:00 UTC in winter", () => {
    expect(
      fireTimes(
        fixedRule("daily-log", "21:00"),
        berlin(),
        "2026-01-15T00:00Z",
        "2026-01-16T00:00Z",
      ),
    ).toEqual(["2026-01-15T20:00:00.000Z"]);
  });

  it("fires once on both DST change days", () => {
    const rule = fixedRule("daily-log", "21:00");

    const spring = fireTimes(rule, berlin(), "2026-03-28T22:00Z", "2026-03-29T22:00Z");
    const autumn = fireTimes(rule, berlin(), "2026-10-24T22:00Z", "2026-10-25T23:00Z");

    expect(spring).toEqual(["2026-03-29T19:00:00.000Z"]);
    expect(autumn).toEqual(["2026-10-25T20:00:00.000Z"]);
  });

  it("moves a time skipped by DST forward", () => {
    const times = fireTimes(
      fixedRule("bedtime", "02:30"),
      berlin(),
      "2026-03-29T00:00Z",
      "2026-03-29T06:00Z",
    );

    expect(times).toEqual(["2026-03-29T01:30:00.000Z"]);
  });

  it("fires a repeated hour once", () => {
    const times = fireTimes(
      fixedRule("bedtime", "02:30"),
      berlin(),
      "2026-10-24T22:00Z",
      "2026-10-25T06:00Z",
    );

    expect(times).toHaveLength(1);
  });

  it("keeps wall-clock water slots across DST", () => {
    const rule = waterRule("01:00", "04:00", 60);

    const times = fireTimes(rule, berlin(), "2026-03-28T23:00Z", "2026-03-29T06:00Z");

    // 01:00 CET, then 02:00 does not exist and joins 03:00 CEST, then 04:00 CEST.
    expect(times).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T02:00:00.000Z",
    ]);
  });

  it("lists water slots between start and end", () => {
    expect(localTimesOn(waterRule("08:00", "20:00", 180), "2026-05-04")).toEqual([
      "08:00",
      "11:00",
      "14:00",
      "17:00",
      "20:00",
    ]);
  });

  it("fires only on chosen weekdays", () => {
    const rule = fixedRule("workout", "18:00", [1, 3]);

    expect(localTimesOn(rule, "2026-05-04")).toEqual(["18:00"]);
    expect(localTimesOn(rule, "2026-05-05")).toEqual([]);
    expect(localTimesOn(rule, "2026-05-06")).toEqual(["18:00"]);
  });

  it("treats quiet hours across midnight", () => {
    const quiet = { start: "22:00", end: "07:00" };

    expect(isInside("23:30", quiet)).toBe(true);
    expect(isInside("06:59", quiet)).toBe(true);
    expect(isInside("07:00", quiet)).toBe(false);
    expect(isInside("21:59", quiet)).toBe(false);
    expect(isInside("13:00", { start: "12:00", end: "14:00" })).toBe(true);
    expect(isInside("14:00", { start: "12:00", end: "14:00" })).toBe(false);
  });

  it("holds water slots until quiet hours end", () => {
    const context = berlin({ start: "22:00", end: "07:00" });
    const rule = waterRule("06:30", "22:30", 120);

    const occurrences = occurrencesBetween(
      rule,
      context,
      new Date("2026-05-04T00:00Z"),
      new Date("2026-05-05T00:00Z"),
    );

    expect(occurrences[0]).toMatchObject({ slot: "2026-05-04T06:30", isHeld: true });
    expect(occurrences[0]!.fireAt.toISOString()).toBe("2026-05-04T05:00:00.000Z");
    expect(occurrences.map((occurrence) => occurrence.slot)).not.toContain("2026-05-04T22:30");
    expect(occurrences.at(-1)!.slot).toBe("2026-05-04T20:30");
  });

  it("does not hold explicitly set times", () => {
    const context = berlin({ start: "22:00", end: "07:00" });

    const times = fireTimes(
      fixedRule("bedtime", "22:30"),
      context,
      "2026-05-04T00:00Z",
      "2026-05-05T00:00Z",
    );

    expect(times).toEqual(["2026-05-04T20:30:00.000Z"]);
  });

  it("collapses a held slot onto a regular one", () => {
    const context = berlin({ start: "22:00", end: "07:00" });
    const rule = waterRule("06:00", "09:00", 60);

    const occurrences = occurrencesBetween(
      rule,
      context,
      new Date("2026-05-04T00:00Z"),
      new Date("2026-05-05T00:00Z"),
    );

    expect(occurrences.map((occurrence) => occurrence.slot)).toEqual([
      "2026-05-04T07:00",
      "2026-05-04T08:00",
      "2026-05-04T09:00",
    ]);
  });

  it("finds a slot only while the rule fires then", () => {
    const context = berlin();

    const current = occurrenceOfSlot(fixedRule("daily-log", "21:00"), context, "2026-05-04T21:00");
    const changed = occurrenceOfSlot(fixedRule("daily-log", "21:30"), context, "2026-05-04T21:00");

    expect(current?.fireAt.toISOString()).toBe("2026-05-04T19:00:00.000Z");
    expect(changed).toBeNull();
  });
});
