import { STAT_METRICS } from "@fitcoach/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { accountsUserId, call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";
import { bodyEntries } from "../body/body.tables";
import { goals } from "../goals/goals.tables";
import { moodEntries } from "../mood/mood.tables";
import { sleepEntries } from "../sleep/sleep.tables";
import { stepEntries } from "../steps/steps.tables";
import { waterEntries } from "../water/water.tables";
import { workouts, workoutSets } from "../workouts/workouts.tables";

const DATE = "2026-04-01";
const RANGE = "from=2026-03-01&to=2026-04-30";

// Rows written straight to the database, past every API bound, stand in for data from an older
// version or a faulty import: reading them must still work.
describe("stored rows outside the API bounds", () => {
  let subject: TestApp;
  let user: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp();
    user = await signIn(subject);
    const userId = await accountsUserId(subject, user);
    const db = subject.deps.database.db;
    await db.insert(waterEntries).values({ userId, date: DATE, ml: 999_999 });
    await db.insert(moodEntries).values({ userId, date: DATE, score: 9, energy: 0, stress: -3 });
    await db.insert(stepEntries).values({ userId, date: DATE, count: -10 });
    await db.insert(sleepEntries).values({
      userId,
      date: DATE,
      bedtimeLocal: "2026-03-31T20:00",
      wakeLocal: "2026-04-01T07:00",
      timeZone: "UTC",
      bedtimeAt: new Date("2026-03-31T20:00:00Z"),
      wakeAt: new Date("2026-04-01T07:00:00Z"),
      durationMin: 5_000,
      quality: 9,
      phases: { deepMin: 99_999, unknownMin: 3 } as never,
    });
    await db.insert(bodyEntries).values({
      userId,
      date: DATE,
      weightValue: 0.01,
      weightUnit: "kg",
      weightKg: 0.01,
      bodyFatPercent: 999,
    });
    const [workout] = await db
      .insert(workouts)
      .values({ userId, date: DATE, durationMin: 0, intensity: 0, avgHeartRate: 999 })
      .returning();
    await db.insert(workoutSets).values({
      userId,
      workoutId: workout!.id,
      exercisePosition: 0,
      setPosition: 0,
      exerciseName: "Squat",
      reps: -1,
      weightValue: 99_999,
      weightUnit: "kg",
      weightKg: 99_999,
    });
    await db.insert(goals).values({ userId, kcal: -5, waterMl: 0, sleepMin: 0, steps: 0 });
  });
  afterAll(async () => {
    await subject.close();
  });

  it.each([
    `/api/v1/days/${DATE}`,
    `/api/v1/water?${RANGE}`,
    `/api/v1/sleep?${RANGE}`,
    `/api/v1/mood?${RANGE}`,
    `/api/v1/steps?${RANGE}`,
    `/api/v1/body?${RANGE}`,
    `/api/v1/workouts?${RANGE}`,
    "/api/v1/goals",
    ...STAT_METRICS.map((metric) => `/api/v1/stats/${metric}?${RANGE}`),
  ])("reads %s", async (url) => {
    const response = await call(subject, user, "GET", url);

    expect(response.status).toBe(200);
  });

  it("returns the stored sleep values", async () => {
    const response = await call(subject, user, "GET", `/api/v1/sleep?${RANGE}`);

    expect(response.body.items[0].durationMin).toBe(5_000);
    expect(response.body.items[0].phases).toEqual({ deepMin: 99_999 });
  });
});
