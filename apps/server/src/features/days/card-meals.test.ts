import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { call, signIn } from "../../../test/helpers/tracking";
import type { ManualClock } from "../../platform/clock";

// Catalog values per 100 g from USDA SR28: 09040 Bananas, raw; 01123 Egg, whole, raw, fresh.
const BANANA = { kcal: 89, protein: 1.09, carbs: 22.84, fat: 0.33, fiber: 2.6 };
const EGG = { kcal: 143, protein: 12.56, carbs: 0.72, fat: 9.51, fiber: 0 };

describe("daily card with meals", () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await createTestApp();
    (subject.clock as ManualClock).set("2026-06-15T12:00:00Z");
  });
  afterAll(async () => {
    await subject.close();
  });

  it("totals a breakfast from the catalog", async () => {
    const user = await signIn(subject);

    const meal = await call(subject, user, "POST", "/api/v1/meals", {
      date: "2026-06-15",
      type: "breakfast",
      items: [
        { foodId: "09040", grams: 118 },
        { foodId: "01123", grams: 100 },
      ],
    });
    const card = await call(subject, user, "GET", "/api/v1/days/2026-06-15");

    expect(meal.status).toBe(201);
    expect(card.status).toBe(200);
    expect(card.body.meals).toHaveLength(1);
    expect(card.body.meals[0].type).toBe("breakfast");
    const expected = {
      kcal: BANANA.kcal * 1.18 + EGG.kcal,
      protein: BANANA.protein * 1.18 + EGG.protein,
      carbs: BANANA.carbs * 1.18 + EGG.carbs,
      fat: BANANA.fat * 1.18 + EGG.fat,
      fiber: BANANA.fiber * 1.18 + EGG.fiber,
    };
    for (const [nutrient, value] of Object.entries(expected)) {
      expect(card.body.totals[nutrient], nutrient).toBeCloseTo(value, 2);
    }
  });

  it("ignores the client's totals for catalog foods", async () => {
    const user = await signIn(subject);

    const meal = await call(subject, user, "POST", "/api/v1/meals", {
      date: "2026-06-15",
      type: "snack",
      items: [{ foodId: "09040", grams: 100, kcal: 5000 }],
    });
    const card = await call(subject, user, "GET", "/api/v1/days/2026-06-15");

    expect(meal.status).toBe(400);
    expect(card.body.totals.kcal).toBe(0);
  });

  it("hides another user's meal", async () => {
    const owner = await signIn(subject);
    const stranger = await signIn(subject);
    const meal = await call(subject, owner, "POST", "/api/v1/meals", {
      date: "2026-06-15",
      type: "lunch",
      items: [{ foodId: "09040", grams: 100 }],
    });

    const read = await call(subject, stranger, "GET", `/api/v1/meals/${meal.body.id}`);
    const remove = await call(subject, stranger, "DELETE", `/api/v1/meals/${meal.body.id}`);
    const card = await call(subject, owner, "GET", "/api/v1/days/2026-06-15");

    expect(read.status).toBe(404);
    expect(remove.status).toBe(404);
    expect(card.body.meals).toHaveLength(1);
  });
});
