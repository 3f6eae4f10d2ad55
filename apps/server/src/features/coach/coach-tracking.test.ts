import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { ManualClock } from "../../platform/clock";

// The coach reads the user's days through the tracking services; these tests log through the API
// and check that the builtin coach's answers cite those numbers.
describe("coach on logged data", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
    (subject.clock as ManualClock).set("2026-06-15T18:00:00Z");
  });
  afterAll(async () => {
    await subject.close();
  });

  it("cites the day's water in the summary", async () => {
    const user = await signIn(subject, { waterGoalMl: 3000 });
    await call(subject, user, "POST", "/api/v1/water", { date: "2026-06-15", ml: 1250 });

    const summary = await call(subject, user, "GET", "/api/v1/coach/summary/2026-06-15");

    expect(summary.status).toBe(200);
    expect(JSON.stringify(summary.body)).toContain("1250");
  });

  it("pre-fills days when a meal plan is accepted", async () => {
    const user = await signIn(subject, {
      birthDate: "1990-01-01",
      sex: "female",
      heightCm: 168,
      activityLevel: "moderate",
    });
    await call(subject, user, "POST", "/api/v1/body", { date: "2026-06-15", weightKg: 65 });
    const plan = await call(subject, user, "POST", "/api/v1/coach/meal-plans", {});

    const accepted = await call(
      subject,
      user,
      "POST",
      `/api/v1/coach/meal-plans/${plan.body.id}/accept`,
      {
        startDate: "2026-06-16",
      },
    );
    const card = await call(subject, user, "GET", "/api/v1/days/2026-06-16");

    expect(plan.status).toBe(201);
    expect(accepted.status).toBe(200);
    expect(card.body.meals.length).toBeGreaterThan(0);
    expect(card.body.totals.kcal).toBeGreaterThan(0);
  });
});
