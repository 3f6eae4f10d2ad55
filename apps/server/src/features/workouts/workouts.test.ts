import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { SignedInUser } from "../../../test/helpers/tracking";
import { epleyOneRepMax } from "./workout-math";

const SQUAT = "Barbell_Squat";
const BENCH = "Barbell_Bench_Press_-_Medium_Grip";

describe("workouts", () => {
  let subject: TestApp;
  let user: SignedInUser;
  let other: SignedInUser;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-05-10T12:00:00Z") });
    user = await signIn(subject, { timeZone: "America/New_York" });
    other = await signIn(subject);
  });
  afterAll(async () => {
    await subject.close();
  });

  it("logs a workout with sets in kg, lb and time", async () => {
    const response = await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-01",
      startedAt: "2026-05-01T18:30",
      durationMin: 60,
      intensity: 4,
      avgHeartRate: 128,
      notes: "Felt *strong*",
      exercises: [
        {
          exerciseId: SQUAT,
          sets: [
            { reps: 5, weightKg: 100 },
            { reps: 5, weightLb: 225.5 },
          ],
        },
        { exerciseId: "Running_Treadmill", sets: [{ durationSec: 600, distanceM: 2000 }] },
      ],
    });

    expect(response.status).toBe(201);
    expect(response.body.startedAt).toBe("2026-05-01T22:30:00.000Z");
    expect(response.body.load).toBe(480);
    expect(response.body.exercises[0].name).toBe("Barbell Squat");
    expect(response.body.exercises[0].sets[1]).toMatchObject({
      reps: 5,
      weightLb: 225.5,
      weightKg: 102.29,
      weightUnit: "lb",
    });
    expect(response.body.exercises[1].sets[0]).toMatchObject({
      reps: null,
      durationSec: 600,
      distanceM: 2000,
      estimatedOneRepMaxKg: null,
    });
    expect(response.body.volumeKg).toBe(1011.43);
  });

  it("refuses a start far from the date or with an impossible offset", async () => {
    const workout = { date: "2026-03-10", durationMin: 30, intensity: 3 };
    const answers = [];
    for (const startedAt of ["9999-12-31T23:59Z", "2026-03-10T10:00+99:00", "1900-01-01T00:00Z"]) {
      answers.push(
        await call(subject, user, "POST", "/api/v1/workouts", { ...workout, startedAt }),
      );
    }
    const late = await call(subject, user, "POST", "/api/v1/workouts", {
      ...workout,
      startedAt: "2026-03-09T23:30",
    });

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe("startedAt");
    }
    expect(late.status).toBe(201);
    expect(late.body.startedAt).toBe("2026-03-10T03:30:00.000Z");
  });

  it("rejects unknown exercises and bad sets", async () => {
    const unknown = await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-01",
      durationMin: 30,
      intensity: 3,
      exercises: [{ exerciseId: "Not_An_Exercise", sets: [{ reps: 5 }] }],
    });
    const mixed = await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-01",
      durationMin: 30,
      intensity: 3,
      exercises: [{ exerciseId: SQUAT, sets: [{ reps: 5, weightKg: 50, weightLb: 110 }] }],
    });
    const intensity = await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-01",
      durationMin: 30,
      intensity: 6,
    });

    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe("exercises.0.exerciseId");
    expect(mixed.status).toBe(400);
    expect(intensity.status).toBe(400);
    const list = await call(subject, user, "GET", "/api/v1/workouts?from=2026-05-01&to=2026-05-01");
    expect(list.body.items).toHaveLength(1);
  });

  it("computes records and Epley one-rep max", async () => {
    await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-03",
      durationMin: 45,
      intensity: 3,
      exercises: [
        {
          exerciseId: BENCH,
          sets: [
            { reps: 8, weightKg: 80 },
            { reps: 12, weightKg: 60 },
          ],
        },
      ],
    });
    await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-05",
      durationMin: 45,
      intensity: 3,
      exercises: [
        {
          exerciseId: BENCH,
          sets: [
            { reps: 1, weightKg: 95 },
            { reps: 15, weightKg: 40 },
          ],
        },
      ],
    });

    const records = await call(subject, user, "GET", `/api/v1/exercises/${BENCH}/records`);

    expect(records.status).toBe(200);
    expect(records.body.workouts).toBe(2);
    expect(records.body.maxWeightKg).toMatchObject({ value: 95, date: "2026-05-05" });
    expect(records.body.maxReps).toMatchObject({ value: 15, date: "2026-05-05" });
    // 80 × (1 + 8/30) = 101.33 beats the single of 95 and 60 × 1.4 = 84.
    expect(records.body.bestEstimatedOneRepMaxKg).toMatchObject({
      value: 101.33,
      date: "2026-05-03",
    });
    expect(records.body.maxSessionVolumeKg).toMatchObject({ value: 1360, date: "2026-05-03" });
    const elsewhere = await call(subject, other, "GET", `/api/v1/exercises/${BENCH}/records`);
    expect(elsewhere.body.workouts).toBe(0);
    expect(elsewhere.body.maxWeightKg).toBeNull();
  });

  it("shows the previous performance of an exercise", async () => {
    const previous = await call(
      subject,
      user,
      "GET",
      `/api/v1/exercises/${BENCH}/previous?before=2026-05-05`,
    );

    expect(previous.body.date).toBe("2026-05-03");
    expect(previous.body.sets.map((set: { reps: number }) => set.reps)).toEqual([8, 12]);
  });

  it("replaces sets on edit and honours If-Match", async () => {
    const created = await call(subject, user, "POST", "/api/v1/workouts", {
      date: "2026-05-06",
      durationMin: 20,
      intensity: 2,
      exercises: [{ exerciseId: SQUAT, sets: [{ reps: 3, weightKg: 60 }] }],
    });

    const edited = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/workouts/${created.body.id}`,
      { exercises: [{ exerciseId: BENCH, sets: [{ reps: 10, weightKg: 50 }] }] },
      { "if-match": '"v1"' },
    );
    const stale = await call(
      subject,
      user,
      "PATCH",
      `/api/v1/workouts/${created.body.id}`,
      { durationMin: 99 },
      { "if-match": '"v1"' },
    );
    const foreign = await call(subject, other, "DELETE", `/api/v1/workouts/${created.body.id}`);

    expect(edited.body.exercises).toHaveLength(1);
    expect(edited.body.exercises[0].exerciseId).toBe(BENCH);
    expect(stale.status).toBe(412);
    expect(foreign.status).toBe(404);
  });
});

describe("epleyOneRepMax", () => {
  it("follows Epley within twelve reps", () => {
    expect(epleyOneRepMax(100, 1)).toBe(100);
    expect(epleyOneRepMax(100, 10)).toBeCloseTo(133.333, 3);
    expect(epleyOneRepMax(100, 13)).toBeNull();
    expect(epleyOneRepMax(null, 5)).toBeNull();
  });
});
