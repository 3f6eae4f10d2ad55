import { describe, expect, it } from "vitest";

import type { CoachDay } from "./coach-data";
import { describeDays, pearson, slope } from "./statistics";

function day(date: string, fields: Partial<CoachDay>): CoachDay {
  return {
    date,
    meals: [],
    nutrition: null,
    waterMl: null,
    workouts: [],
    steps: null,
    sleep: null,
    mood: null,
    weightKg: null,
    note: null,
    ...fields,
  };
}

describe("pearson", () => {
  it("finds a perfect correlation", () => {
    expect(
      pearson([
        [1, 2],
        [2, 4],
        [3, 6],
        [4, 8],
        [5, 10],
      ]),
    ).toBeCloseTo(1, 10);
  });

  it("needs five pairs", () => {
    expect(
      pearson([
        [1, 2],
        [2, 4],
        [3, 6],
        [4, 8],
      ]),
    ).toBeNull();
  });
});

describe("slope", () => {
  it("fits a least-squares line", () => {
    expect(
      slope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
    ).toBeCloseTo(2, 10);
  });
});

describe("describeDays", () => {
  const nutrition = (kcal: number, protein: number) => ({
    kcal,
    protein,
    carbs: 0,
    fat: 0,
    fiber: 10,
  });
  const days = [
    day("2026-03-01", {
      weightKg: 80,
      sleep: { durationMinutes: 360, quality: 3 },
      mood: { score: 2, tags: [], note: null },
      nutrition: nutrition(2000, 100),
      waterMl: 2500,
    }),
    day("2026-03-02", {
      sleep: { durationMinutes: 420, quality: 3 },
      mood: { score: 3, tags: [], note: null },
      nutrition: nutrition(2600, 140),
      waterMl: 1500,
    }),
    day("2026-03-03", {
      weightKg: 79.8,
      sleep: { durationMinutes: 480, quality: 4 },
      mood: { score: 4, tags: [], note: null },
    }),
    day("2026-03-05", {
      sleep: { durationMinutes: 450, quality: 4 },
      mood: { score: 4, tags: [], note: null },
    }),
    day("2026-03-08", {
      weightKg: 79.3,
      sleep: { durationMinutes: 390, quality: 2 },
      mood: { score: 2, tags: [], note: null },
    }),
  ];

  it("reports trend, correlation and adherence", () => {
    const statistics = describeDays(days, { kcal: 2500, protein: 130 }, 2000);

    expect(statistics.daysLogged).toBe(5);
    expect(statistics.averages.kcal).toBe(2300);
    expect(statistics.averages.sleepHours).toBe(7);
    // Points (0, 80), (2, 79.8), (7, 79.3): slope −2.6 / 26 = −0.1 kg a day.
    expect(statistics.weightTrend?.kgPerWeek).toBe(-0.7);
    expect(statistics.sleepMood?.days).toBe(5);
    expect(statistics.sleepMood?.r).toBeGreaterThan(0.8);
    expect(statistics.adherence).toEqual({
      kcalDays: 1,
      proteinDays: 1,
      waterDays: 1,
      nutritionDays: 2,
    });
  });
});
