import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { addDays } from "../../platform/local-date";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";
import { accountsUserId } from "../../../test/helpers/tracking";
import { waterEntries } from "../water/water.tables";
import { emptyNutritionSource } from "../nutrition-source/nutrition-source";
import type { DailyNutrition } from "../nutrition-source/nutrition-source";
import { createStatsService } from "./stats.service";

const WATER: [string, number][] = [
  ["2026-03-23", 2500],
  ["2026-03-24", 2000],
  ["2026-03-24", 600],
  ["2026-03-26", 3000],
  ["2026-03-27", 1000],
  ["2026-03-29", 2500],
  ["2026-03-30", 2500],
];

describe("stats", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-03-30T18:00:00Z") });
    user = await signIn(subject, { timeZone: "Europe/Berlin" });
    for (const [date, ml] of WATER)
      await call(subject, user, "POST", "/api/v1/water", { date, ml });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("sums water per ISO week across DST", async () => {
    const stats = await call(
      subject,
      user,
      "GET",
      "/api/v1/stats/water?period=week&from=2026-03-23&to=2026-03-30",
    );

    expect(stats.status).toBe(200);
    expect(stats.body.weekStartsOn).toBe("monday");
    expect(stats.body.points).toEqual([
      { start: "2026-03-23", end: "2026-03-29", value: 2320, total: 11600, days: 5 },
      { start: "2026-03-30", end: "2026-04-05", value: 2500, total: 2500, days: 1 },
    ]);
  });

  it("starts weeks on Sunday when the user chose it", async () => {
    await call(subject, user, "PATCH", "/api/v1/me", { weekStartsOn: "sunday" });

    const stats = await call(
      subject,
      user,
      "GET",
      "/api/v1/stats/water?period=week&from=2026-03-23&to=2026-03-30",
    );
    await call(subject, user, "PATCH", "/api/v1/me", { weekStartsOn: "monday" });

    expect(stats.body.points).toEqual([
      { start: "2026-03-22", end: "2026-03-28", value: 2275, total: 9100, days: 4 },
      { start: "2026-03-29", end: "2026-04-04", value: 2500, total: 5000, days: 2 },
    ]);
  });

  it("computes the moving average and streaks", async () => {
    const stats = await call(
      subject,
      user,
      "GET",
      "/api/v1/stats/water?period=day&from=2026-03-23&to=2026-03-30",
    );
    const average = Object.fromEntries(
      stats.body.movingAverage7.map((item: { date: string; value: number }) => [
        item.date,
        item.value,
      ]),
    );

    expect(stats.body.points).toHaveLength(8);
    expect(stats.body.points[2]).toEqual({
      start: "2026-03-25",
      end: "2026-03-25",
      value: null,
      total: null,
      days: 0,
    });
    // 23rd to 27th: (2500 + 2600 + 3000 + 1000) / 4; 24th to 30th: 12600 / 5.
    expect(average["2026-03-27"]).toBe(2275);
    expect(average["2026-03-30"]).toBe(2320);
    // Days at or above 2500 ml: 23–24, 26, 29–30.
    expect(stats.body.streaks).toMatchObject({
      condition: "at-least-target",
      target: 2500,
      current: 2,
      longest: 2,
      longestStart: "2026-03-29",
      longestEnd: "2026-03-30",
    });
  });

  it("codes streak conditions per metric", async () => {
    const weight = await call(subject, user, "GET", "/api/v1/stats/weight");
    const workouts = await call(subject, user, "GET", "/api/v1/stats/workouts");
    await call(subject, user, "PATCH", "/api/v1/goals", { sleepMin: 450 });
    const sleep = await call(subject, user, "GET", "/api/v1/stats/sleep");
    await call(subject, user, "PATCH", "/api/v1/goals", { sleepMin: null });

    expect(weight.body.streaks).toMatchObject({ condition: "entry", target: null });
    expect(workouts.body.streaks).toMatchObject({ condition: "positive", target: null });
    expect(sleep.body.streaks).toMatchObject({ condition: "at-least-target", target: 450 });
  });

  it("groups calendar months", async () => {
    const stats = await call(
      subject,
      user,
      "GET",
      "/api/v1/stats/water?period=month&from=2026-03-01&to=2026-03-31",
    );

    expect(stats.body.points).toEqual([
      { start: "2026-03-01", end: "2026-03-31", value: 2350, total: 14100, days: 6 },
    ]);
  });

  it("rejects unknown metrics and reversed ranges", async () => {
    const unknown = await call(subject, user, "GET", "/api/v1/stats/happiness");
    const reversed = await call(
      subject,
      user,
      "GET",
      "/api/v1/stats/water?from=2026-03-30&to=2026-03-01",
    );
    const period = await call(subject, user, "GET", "/api/v1/stats/water?period=year");

    expect(unknown.status).toBe(400);
    expect(reversed.status).toBe(400);
    expect(period.status).toBe(400);
  });

  it("matches a hand computation over generated years", async () => {
    const generated = await signIn(subject);
    const userId = await accountsUserId(subject, generated);
    const start = "2022-01-01";
    const values = new Map<string, number>();
    const rows = [];
    for (let day = 0; day < 1500; day += 1) {
      if (day % 11 === 5) continue;
      const date = addDays(start, day);
      const ml = 1000 + ((day * 37) % 2500);
      values.set(date, ml);
      rows.push({ userId, date, ml });
    }
    for (let index = 0; index < rows.length; index += 500) {
      await subject.deps.database.db.insert(waterEntries).values(rows.slice(index, index + 500));
    }
    const to = addDays(start, 1499);

    const stats = await call(
      subject,
      generated,
      "GET",
      `/api/v1/stats/water?period=month&from=${start}&to=${to}`,
    );

    const expected = new Map<string, { total: number; days: number }>();
    for (const [date, ml] of values) {
      const month = `${date.slice(0, 7)}-01`;
      const bucket = expected.get(month) ?? { total: 0, days: 0 };
      bucket.total += ml;
      bucket.days += 1;
      expected.set(month, bucket);
    }
    expect(stats.body.points).toHaveLength(expected.size);
    for (const point of stats.body.points) {
      const bucket = expected.get(point.start)!;
      expect(point.total).toBe(bucket.total);
      expect(point.days).toBe(bucket.days);
      expect(point.value).toBe(Math.round((bucket.total / bucket.days) * 100) / 100);
    }
    let longest = 0;
    let run = 0;
    for (let day = 0; day < 1500; day += 1) {
      const ml = values.get(addDays(start, day));
      run = ml !== undefined && ml >= 2500 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(stats.body.streaks.longest).toBe(longest);
  });

  it("aggregates nutrition totals from the meals source", async () => {
    const totals: DailyNutrition[] = [
      {
        date: "2026-03-02",
        kcal: 2000,
        protein: 100,
        carbs: 250,
        fat: 70,
        fiber: 30,
        sugar: null,
        sodiumMg: null,
        saturatedFat: null,
      },
      {
        date: "2026-03-03",
        kcal: 2400,
        protein: 120,
        carbs: 300,
        fat: 80,
        fiber: 25,
        sugar: null,
        sodiumMg: null,
        saturatedFat: null,
      },
      {
        date: "2026-03-10",
        kcal: 1800,
        protein: 90,
        carbs: 200,
        fat: 60,
        fiber: 20,
        sugar: null,
        sodiumMg: null,
        saturatedFat: null,
      },
    ];
    const service = createStatsService({
      db: subject.deps.database.db,
      clock: subject.clock,
      nutrition: { ...emptyNutritionSource, dailyTotals: async () => totals },
    });
    const userId = await accountsUserId(subject, user);

    const stats = await service.stats({ userId, timeZone: "Europe/Berlin" }, "protein", {
      period: "week",
      from: "2026-03-02",
      to: "2026-03-15",
    });

    expect(stats.unit).toBe("g");
    expect(stats.points).toEqual([
      { start: "2026-03-02", end: "2026-03-08", value: 110, total: 220, days: 2 },
      { start: "2026-03-09", end: "2026-03-15", value: 90, total: 90, days: 1 },
    ]);
  });
});
