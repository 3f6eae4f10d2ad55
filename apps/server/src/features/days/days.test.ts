import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";

const DAY = "2026-03-29";

describe("daily card", () => {
  let subject: TestApp;
  let user: SignedInUser;
  let other: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-03-29T20:00:00Z") });
    user = await signIn(subject, { timeZone: "Europe/Berlin", units: "imperial" });
    other = await signIn(subject);

    await call(subject, user, "PATCH", "/api/v1/goals", {
      sleepMin: 480,
      steps: 10_000,
      waterMl: 2000,
      kcal: 2000,
      targetWeightLb: 170,
      weeklyWorkouts: 3,
    });
    await call(subject, user, "POST", "/api/v1/water", { date: DAY, ml: 1000 });
    await call(subject, user, "POST", "/api/v1/water", { date: DAY, ml: 500 });
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-03-28", ml: 900 });
    await call(subject, user, "POST", "/api/v1/sleep", {
      bedtime: "2026-03-28T23:00",
      wakeTime: "2026-03-29T07:00",
      quality: 4,
    });
    await call(subject, user, "POST", "/api/v1/mood", {
      date: DAY,
      score: 4,
      energy: 3,
      stress: 2,
      tags: ["calm"],
      note: "",
    });
    await call(subject, user, "POST", "/api/v1/body", { date: DAY, weightLb: 180.4 });
    await call(subject, user, "POST", "/api/v1/steps", { date: DAY, count: 5000 });
    await call(subject, user, "POST", "/api/v1/workouts", {
      date: DAY,
      durationMin: 30,
      intensity: 4,
      exercises: [{ exerciseId: "Barbell_Squat", sets: [{ reps: 5, weightLb: 225 }] }],
    });
    await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-03-23",
      durationMin: 30,
      intensity: 2,
    });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("gathers the whole day", async () => {
    const card = await call(subject, user, "GET", `/api/v1/days/${DAY}`);

    expect(card.status).toBe(200);
    expect(card.body.date).toBe(DAY);
    expect(card.body.timeZone).toBe("Europe/Berlin");
    expect(card.body.water).toMatchObject({ totalMl: 1500, goalMl: 2000 });
    expect(card.body.water.entries).toHaveLength(2);
    expect(card.body.sleep[0].durationMin).toBe(420);
    expect(card.body.mood[0].tags).toEqual(["calm"]);
    expect(card.body.weight).toEqual({ kg: 81.83, lb: 180.4, unit: "lb" });
    expect(card.body.steps.total).toBe(5000);
    expect(card.body.workouts).toHaveLength(1);
    expect(card.body.workouts[0].exercises[0].sets[0].weightLb).toBe(225);
    expect(card.body.meals).toEqual([]);
    expect(card.body.totals).toEqual({
      kcal: 0,
      protein: 0,
      carbs: 0,
      fat: 0,
      fiber: 0,
      sugar: 0,
      sodiumMg: 0,
      saturatedFat: 0,
      incomplete: [],
    });
    expect(card.body.effort).toMatchObject({ score: 40, load: 240, workouts: 1 });
  });

  it("explains the wellness score", async () => {
    const card = await call(subject, user, "GET", `/api/v1/days/${DAY}`);
    const byName = Object.fromEntries(
      card.body.wellness.components.map((item: { name: string }) => [item.name, item]),
    );

    // sleep 0.6 × 420/480 × 100 + 0.4 × 3/4 × 100 = 82.5, mood mean(3/4, 2/4, 3/4) = 67,
    // water 1500/2000 = 75, activity max(5000/10000, effort 40) = 50; no meals, no nutrition.
    expect(byName.sleep.score).toBe(83);
    expect(byName.mood.score).toBe(67);
    expect(byName.water.score).toBe(75);
    expect(byName.activity.score).toBe(50);
    expect(byName.nutrition).toBeUndefined();
    expect(card.body.wellness.score).toBe(71);
    expect(byName.sleep.weight).toBe(0.353);
  });

  it("reports goal progress", async () => {
    const card = await call(subject, user, "GET", `/api/v1/days/${DAY}`);
    const byGoal = Object.fromEntries(
      card.body.goals.map((item: { goal: string }) => [item.goal, item]),
    );

    expect(byGoal.water).toEqual({ goal: "water", target: 2000, actual: 1500, percent: 75 });
    expect(byGoal.sleep).toMatchObject({ actual: 420, percent: 88 });
    expect(byGoal.steps).toMatchObject({ actual: 5000, percent: 50 });
    expect(byGoal.kcal).toMatchObject({ actual: null, percent: null });
    expect(byGoal.weight).toMatchObject({ target: 77.11, actual: 81.83 });
    // 2026-03-29 is a Sunday: its ISO week (Monday 23rd to Sunday 29th) contains both workouts.
    expect(byGoal.weeklyWorkouts).toMatchObject({ target: 3, actual: 2 });
  });

  it("saves tags and note with versions", async () => {
    const note = "# Long run\n\n<img src=x onerror=alert(1)> kept as *markdown*";
    const first = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/days/${DAY}`,
      { tags: ["race", "race", "sunny"], note },
      { "if-match": '"v0"' },
    );
    const stale = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/days/${DAY}`,
      { note: "overwrite" },
      { "if-match": '"v0"' },
    );
    const second = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/days/${DAY}`,
      { tags: ["race"] },
      { "if-match": '"v1"' },
    );

    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe('"v1"');
    expect(first.body.tags).toEqual(["race", "sunny"]);
    expect(first.body.note).toBe(note);
    expect(stale.status).toBe(412);
    expect(second.body.tags).toEqual(["race"]);
    expect(second.body.note).toBe(note);
    expect(second.body.version).toBe(2);
  });

  it("opens a day logged ahead before the user moved west", async () => {
    const traveller = await signIn(subject, { timeZone: "Pacific/Kiritimati" });
    // 20:00 UTC is already the next morning on Kiritimati; its tomorrow is two days ahead of UTC.
    const logged = await call(subject, traveller, "POST", "/api/v1/water", {
      date: "2026-03-31",
      ml: 777,
    });
    await call(subject, traveller, "PATCH", "/api/v1/me", { timeZone: "Etc/GMT+12" });

    const card = await call(subject, traveller, "GET", "/api/v1/days/2026-03-31");
    const far = await call(subject, traveller, "GET", "/api/v1/days/2026-04-05");

    expect(logged.status).toBe(201);
    expect(card.status).toBe(200);
    expect(card.body.water.totalMl).toBe(777);
    expect(far.status).toBe(400);
    expect(far.body.errors[0].field).toBe("date");
  });

  it("keeps other users' days apart", async () => {
    const card = await call(subject, other, "GET", `/api/v1/days/${DAY}`);

    expect(card.body.water.totalMl).toBe(0);
    expect(card.body.workouts).toEqual([]);
    expect(card.body.wellness.score).toBeNull();
    expect(card.body.note).toBe("");
    expect(card.body.version).toBe(0);
  });

  it("rejects invalid and far dates", async () => {
    const invalid = await call(subject, user, "GET", "/api/v1/days/2026-13-01");
    const future = await call(subject, user, "GET", "/api/v1/days/2026-04-05");
    const longNote = await call(subject, user, "PATCH", `/api/v1/days/${DAY}`, {
      note: "x".repeat(20_001),
    });

    expect(invalid.status).toBe(400);
    expect(future.status).toBe(400);
    expect(longNote.status).toBe(400);
  });
});
