import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";

describe("goals", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock("2026-05-01T12:00:00Z") });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("sets, clears and versions targets", async () => {
    const user = await signIn(subject, { waterGoalMl: 3000 });

    const initial = await call(subject, user, "GET", "/api/v1/goals");
    const set = await call(
      subject,
      user,
      "PATCH",
      "/api/v1/goals",
      { kcal: 2200, targetWeightLb: 165.3 },
      { "if-match": '"v0"' },
    );
    const stale = await call(
      subject,
      user,
      "PATCH",
      "/api/v1/goals",
      { kcal: 1800 },
      { "if-match": '"v0"' },
    );
    const cleared = await call(
      subject,
      user,
      "PATCH",
      "/api/v1/goals",
      { kcal: null, waterMl: 2000 },
      { "if-match": '"v1"' },
    );

    expect(initial.body).toMatchObject({ kcal: null, waterMl: 3000, version: 0 });
    expect(set.body).toMatchObject({
      kcal: 2200,
      targetWeightLb: 165.3,
      targetWeightUnit: "lb",
      version: 1,
    });
    expect(stale.status).toBe(412);
    expect(cleared.body).toMatchObject({
      kcal: null,
      waterMl: 2000,
      targetWeightLb: 165.3,
      version: 2,
    });
  });

  it("suggests targets with Mifflin-St Jeor", async () => {
    const user = await signIn(subject, {
      birthDate: "1990-05-01",
      sex: "male",
      heightCm: 180,
      activityLevel: "moderate",
    });
    const incomplete = await call(subject, user, "GET", "/api/v1/goals/suggestion");
    await call(subject, user, "POST", "/api/v1/body", { date: "2026-04-30", weightKg: 80 });

    const suggestion = await call(subject, user, "GET", "/api/v1/goals/suggestion");

    // BMR = 10 × 80 + 6.25 × 180 − 5 × 36 + 5 = 1750; × 1.55 = 2712.5.
    expect(incomplete.status).toBe(422);
    expect(suggestion.body).toMatchObject({
      bmrKcal: 1750,
      maintenanceKcal: 2713,
      proteinG: 128,
      fatG: 75,
    });
    expect(suggestion.body.carbsG).toBe(Math.round((2712.5 - 128 * 4 - 75 * 9) / 4));
  });

  it("refuses a target weight in two units at once", async () => {
    const user = await signIn(subject);

    const response = await call(subject, user, "PATCH", "/api/v1/goals", {
      targetWeightLb: 150.5,
      targetWeightKg: 70,
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe("targetWeightLb");
    const stored = await call(subject, user, "GET", "/api/v1/goals");
    expect(stored.body.targetWeightKg).toBeNull();
  });

  it("rejects targets out of bounds", async () => {
    const user = await signIn(subject);

    const response = await call(subject, user, "PATCH", "/api/v1/goals", {
      steps: 10,
      sleepMin: 2000,
    });

    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      "sleepMin",
      "steps",
    ]);
  });
});
