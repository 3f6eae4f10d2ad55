import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import {
  createReminderUser,
  createRule,
  deliveriesOf,
  notificationCount,
  walkClock,
} from "../../../test/helpers/reminders";
import type { ReminderUser } from "../../../test/helpers/reminders";
import type { ReminderDataSource } from "./reminder-data-source";
import { bearer } from "../../../test/helpers/auth";

/**
 * Logged data set directly by the test, so the skip rules can be checked one by one; the second
 * suite below reads the same facts from the real tracking services.
 */
class LoggedDays implements ReminderDataSource {
  waterMl = new Map<string, number>();
  meals = new Set<string>();
  completeDays = new Set<string>();
  readonly calls: string[] = [];

  async waterProgress(userId: string, date: string): Promise<{ totalMl: number; goalMl: number }> {
    this.calls.push(`water ${date}`);
    return { totalMl: this.waterMl.get(`${userId} ${date}`) ?? 0, goalMl: 2000 };
  }

  async isMealLogged(userId: string, date: string, mealType: string): Promise<boolean> {
    this.calls.push(`meal ${date} ${mealType}`);
    return this.meals.has(`${userId} ${date} ${mealType}`);
  }

  async isDayComplete(userId: string, date: string): Promise<boolean> {
    this.calls.push(`day ${date}`);
    return this.completeDays.has(`${userId} ${date}`);
  }

  async weekSummary(): Promise<never> {
    throw new Error("weekly summaries are not part of this test");
  }
}

describe("smart skipping", () => {
  const clock = new ManualClock("2026-05-04T05:00:00Z");
  const logged = new LoggedDays();
  let subject: TestApp;
  let user: ReminderUser;
  let rules: Record<string, string>;

  beforeAll(async () => {
    subject = await createTestApp({ clock, services: { reminderData: logged } });
    user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    rules = {
      water: await createRule(subject, user, {
        kind: "water",
        startTime: "08:00",
        endTime: "12:00",
        intervalMinutes: 120,
      }),
      breakfast: await createRule(subject, user, {
        kind: "meal",
        mealType: "breakfast",
        time: "08:00",
      }),
      lunch: await createRule(subject, user, { kind: "meal", mealType: "lunch", time: "12:00" }),
      day: await createRule(subject, user, { kind: "daily-log" }),
    };
  });

  afterAll(async () => {
    await subject.close();
  });

  it("skips reminders with nothing left to do", async () => {
    logged.meals.add(`${user.id} 2026-05-04 breakfast`);
    logged.completeDays.add(`${user.id} 2026-05-04`);

    await walkClock(subject, clock, "2026-05-04T07:00:00Z");
    logged.waterMl.set(`${user.id} 2026-05-04`, 2000);
    await walkClock(subject, clock, "2026-05-04T20:00:00Z");

    const outcomes = (await deliveriesOf(subject, user.id))
      .map((entry) => `${entry.sourceKey} ${entry.status} ${entry.reason ?? "-"}`)
      .sort();
    expect(outcomes).toEqual(
      [
        `rule:${rules.breakfast}:2026-05-04T08:00 skipped meal-logged`,
        `rule:${rules.water}:2026-05-04T08:00 sent -`,
        `rule:${rules.water}:2026-05-04T10:00 skipped goal-met`,
        `rule:${rules.lunch}:2026-05-04T12:00 sent -`,
        `rule:${rules.water}:2026-05-04T12:00 skipped goal-met`,
        `rule:${rules.day}:2026-05-04T21:00 skipped day-complete`,
      ].sort(),
    );
    expect(await notificationCount(subject, user.id)).toBe(2);
    expect(logged.calls).toContain("meal 2026-05-04 lunch");
  });
});

describe("smart skipping on logged data", () => {
  const clock = new ManualClock("2026-05-04T05:00:00Z");
  let subject: TestApp;
  let user: ReminderUser;
  let rules: Record<string, string>;

  beforeAll(async () => {
    subject = await createTestApp({ clock });
    user = await createReminderUser(subject, { timeZone: "Europe/Berlin" });
    await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer(user.accessToken),
      payload: { waterGoalMl: 2000 },
    });
    rules = {
      water: await createRule(subject, user, {
        kind: "water",
        startTime: "08:00",
        endTime: "12:00",
        intervalMinutes: 120,
      }),
      breakfast: await createRule(subject, user, {
        kind: "meal",
        mealType: "breakfast",
        time: "08:00",
      }),
      day: await createRule(subject, user, { kind: "daily-log" }),
    };
  });

  afterAll(async () => {
    await subject.close();
  });

  // The clock walks hours ahead, past the access token's lifetime, so each call refreshes first.
  async function log(url: string, payload: object) {
    const refreshed = await subject.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      headers: { "x-client-type": "native" },
      payload: { refreshToken: user.refreshToken },
    });
    user.refreshToken = refreshed.json().refreshToken;
    const headers = bearer(refreshed.json().accessToken);
    return subject.app.inject({ method: "POST", url, headers, payload });
  }

  it("reads water, meals and the card from tracking", async () => {
    const breakfast = await log("/api/v1/meals", {
      date: "2026-05-04",
      type: "breakfast",
      items: [{ foodId: "09040", grams: 118 }],
    });
    const mood = await log("/api/v1/mood", { date: "2026-05-04", score: 4, tags: [], note: "" });
    await walkClock(subject, clock, "2026-05-04T07:00:00Z");
    const water = await log("/api/v1/water", { date: "2026-05-04", ml: 2000 });
    await walkClock(subject, clock, "2026-05-04T20:00:00Z");

    expect(breakfast.statusCode).toBe(201);
    expect(mood.statusCode).toBe(201);
    expect(water.statusCode).toBe(201);
    const outcomes = (await deliveriesOf(subject, user.id))
      .map((entry) => `${entry.sourceKey} ${entry.status} ${entry.reason ?? "-"}`)
      .sort();
    expect(outcomes).toEqual(
      [
        `rule:${rules.breakfast}:2026-05-04T08:00 skipped meal-logged`,
        `rule:${rules.water}:2026-05-04T08:00 sent -`,
        `rule:${rules.water}:2026-05-04T10:00 skipped goal-met`,
        `rule:${rules.water}:2026-05-04T12:00 skipped goal-met`,
        `rule:${rules.day}:2026-05-04T21:00 skipped day-complete`,
      ].sort(),
    );
  });
});
