import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp, type TestApp } from "../../../test/helpers/app";
import {
  buildCoach,
  coachUser,
  FixtureCoachData,
  RecordingMealLog,
} from "../../../test/helpers/coach";
import { addDays, todayIn } from "../../platform/local-date";

describe("meal plans service", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it("pre-fills seven days when accepted", async () => {
    const mealLog = new RecordingMealLog();
    const coach = buildCoach(subject, { data: new FixtureCoachData(), mealLog });
    const { user } = await coachUser(subject);
    const start = addDays(todayIn(user.timeZone, subject.clock.now()), 1);
    const plan = await coach.mealPlans.create(user, { weightKg: 75, exclude: [] });

    const accepted = await coach.mealPlans.accept(user, plan.id, start);

    expect(mealLog.days.map((day) => day.date)).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((offset) => addDays(start, offset)),
    );
    expect(mealLog.days.every((day) => day.userId === user.userId)).toBe(true);
    expect(mealLog.days[2]!.meals).toEqual(
      plan.days[2]!.meals.map((meal) => ({
        slot: meal.slot,
        items: meal.items.map((item) => ({ foodId: item.foodId, grams: item.grams })),
      })),
    );
    expect(accepted.days[0]).toEqual({ date: start, mealsCreated: plan.days[0]!.meals.length });
  });

  it("writes later days when they come near", async () => {
    const mealLog = new RecordingMealLog();
    const coach = buildCoach(subject, { data: new FixtureCoachData(), mealLog });
    const { user } = await coachUser(subject);
    const plan = await coach.mealPlans.create(user, { weightKg: 75, exclude: [] });
    const start = todayIn(user.timeZone, subject.clock.now());
    mealLog.latest = addDays(start, 1);

    const accepted = await coach.mealPlans.accept(user, plan.id, start);
    const writtenAtAccept = mealLog.days.map((day) => day.date);
    mealLog.latest = addDays(start, 3);
    const laterWritten = await coach.mealPlans.prefillDue();
    const again = await coach.mealPlans.prefillDue();

    expect(writtenAtAccept).toEqual([start, addDays(start, 1)]);
    expect(accepted.days.filter((day) => day.mealsCreated > 0)).toHaveLength(2);
    expect(laterWritten).toBe(2);
    expect(again).toBe(0);
    expect(mealLog.days.map((day) => day.date)).toEqual(
      [0, 1, 2, 3].map((offset) => addDays(start, offset)),
    );
  });

  it("returns the plan to proposed when pre-filling fails", async () => {
    const failing = {
      applyMealPlanDay: async (): Promise<number> => {
        throw new Error("meals service unavailable");
      },
      latestLoggableDate: async (): Promise<string> => "9999-12-31",
    };
    const coach = buildCoach(subject, { data: new FixtureCoachData(), mealLog: failing });
    const { user } = await coachUser(subject);
    const plan = await coach.mealPlans.create(user, { weightKg: 75, exclude: [] });

    await expect(
      coach.mealPlans.accept(user, plan.id, todayIn(user.timeZone, subject.clock.now())),
    ).rejects.toThrow("meals service unavailable");

    const stored = await coach.mealPlans.get(user.userId, plan.id);
    expect(stored?.status).toBe("proposed");
    expect(stored?.startDate).toBeNull();
  });

  it("rejects a start date far ahead", async () => {
    const coach = buildCoach(subject, { data: new FixtureCoachData() });
    const { user } = await coachUser(subject);
    const plan = await coach.mealPlans.create(user, { weightKg: 75, exclude: [] });
    const far = addDays(todayIn(user.timeZone, subject.clock.now()), 61);

    await expect(coach.mealPlans.accept(user, plan.id, far)).rejects.toMatchObject({
      code: "validation-failed",
    });
    expect((await coach.mealPlans.get(user.userId, plan.id))?.status).toBe("proposed");
  });
});
