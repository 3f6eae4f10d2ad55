import type { ReminderRule } from "@fitcoach/contract";

import { PLANNED_NOTIFICATIONS_MAX, planReminders } from "./reminder-plan";

function rule(overrides: Partial<ReminderRule>): ReminderRule {
  return {
    id: "rule-1",
    kind: "bedtime",
    enabled: true,
    channel: "in-app",
    weekdays: [1, 2, 3, 4, 5, 6, 7],
    time: "22:30",
    startTime: null,
    endTime: null,
    intervalMinutes: null,
    mealType: null,
    nextAt: null,
    version: 1,
    createdAt: "2026-03-01T08:00:00.000Z",
    updatedAt: "2026-03-01T08:00:00.000Z",
    ...overrides,
  };
}

const QUIET = { quietHours: { enabled: true, start: "22:00", end: "07:00" } };
// Monday 2026-03-23, 08:00 on the device's clock.
const MONDAY_MORNING = new Date(2026, 2, 23, 8, 0);

function localTimes(planned: { fireAt: Date }[]): string[] {
  return planned.map(({ fireAt }) => {
    const day = fireAt.getDate();
    const time = `${String(fireAt.getHours()).padStart(2, "0")}:${String(fireAt.getMinutes()).padStart(2, "0")}`;
    return `${day} ${time}`;
  });
}

describe("planReminders", () => {
  it("plans a daily time for two days", () => {
    const planned = planReminders([rule({})], QUIET, MONDAY_MORNING);

    expect(localTimes(planned)).toEqual(["23 22:30", "24 22:30"]);
  });

  it("fires set times inside quiet hours", () => {
    const planned = planReminders([rule({ time: "23:15" })], QUIET, MONDAY_MORNING);

    expect(localTimes(planned)).toEqual(["23 23:15", "24 23:15"]);
  });

  it("skips water slots in quiet hours", () => {
    const water = rule({
      kind: "water",
      time: null,
      startTime: "20:00",
      endTime: "23:00",
      intervalMinutes: 60,
    });

    const planned = planReminders([water], QUIET, MONDAY_MORNING);

    expect(localTimes(planned)).toEqual(["23 20:00", "23 21:00", "24 20:00", "24 21:00"]);
  });

  it("keeps to the rule's weekdays", () => {
    const planned = planReminders(
      [rule({ kind: "workout", weekdays: [2], time: "18:00" })],
      null,
      MONDAY_MORNING,
    );

    expect(localTimes(planned)).toEqual(["24 18:00"]);
  });

  it("leaves out disabled rules and past times", () => {
    const planned = planReminders(
      [rule({ enabled: false }), rule({ id: "rule-2", time: "07:00" })],
      null,
      MONDAY_MORNING,
    );

    expect(localTimes(planned)).toEqual(["24 07:00", "25 07:00"]);
  });

  it("stays under the notification limit", () => {
    const water = rule({
      kind: "water",
      time: null,
      startTime: "00:00",
      endTime: "23:30",
      intervalMinutes: 30,
    });

    const planned = planReminders([water], null, MONDAY_MORNING);

    expect(planned).toHaveLength(PLANNED_NOTIFICATIONS_MAX);
    expect(localTimes(planned)[0]).toBe("23 08:30");
  });
});
