import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Food, Meal, MealDay } from "@fitcoach/contract";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";

const NOW = "2026-03-10T12:00:00Z";
const BANANA = "09040";
const SALMON = "15076";

interface TestUser {
  token: string;
  id: string;
}

describe("meals API", () => {
  let subject: TestApp;
  let clock: ManualClock;
  let user: TestUser;
  let stranger: TestUser;
  let mediumBananaPortion: string;

  async function signUp(): Promise<TestUser> {
    const { accessToken } = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.runOnce(),
    );
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(accessToken),
    });
    return { token: accessToken, id: (me.json() as { id: string }).id };
  }

  beforeAll(async () => {
    clock = new ManualClock(NOW);
    subject = await createTestApp({ clock });
    user = await signUp();
    stranger = await signUp();
    const banana = await subject.app.inject({
      method: "GET",
      url: `/api/v1/foods/${BANANA}`,
      headers: bearer(user.token),
    });
    mediumBananaPortion = (banana.json() as Food).portions.find((portion) =>
      portion.unit.startsWith("medium"),
    )!.id;
  });
  afterAll(async () => {
    await subject.close();
  });
  beforeEach(() => {
    clock.set(NOW);
  });

  async function logMeal(
    body: Record<string, unknown>,
    as: TestUser = user,
  ): Promise<{ status: number; meal: Meal; body: Record<string, unknown> }> {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/meals",
      headers: bearer(as.token),
      payload: { date: "2026-03-10", type: "breakfast", ...body },
    });
    const parsed = response.json() as Record<string, unknown>;
    return { status: response.statusCode, meal: parsed as unknown as Meal, body: parsed };
  }

  async function mealCount(date: string, as: TestUser = user): Promise<number> {
    const day = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals?date=${date}`,
      headers: bearer(as.token),
    });
    return (day.json() as MealDay).meals.length;
  }

  it("computes 118 g of banana from the catalog", async () => {
    const { status, meal } = await logMeal({ items: [{ foodId: BANANA, grams: 118 }] });

    expect(status).toBe(201);
    // Per 100 g: 89 kcal, 1.09 protein, 22.84 carbs, 0.33 fat, 2.6 fiber, 12.23 sugar,
    // 1 mg sodium, 0.112 saturated fat; each times 1.18.
    const expected = {
      kcal: 105.02,
      protein: 1.2862,
      carbs: 26.9512,
      fat: 0.3894,
      fiber: 3.068,
      sugar: 14.4314,
      sodiumMg: 1.18,
      saturatedFat: 0.13216,
    };
    expect(meal.items[0]).toMatchObject({
      foodId: BANANA,
      name: "Bananas, raw",
      grams: 118,
      portionId: null,
      ...expected,
    });
    expect(meal.totals).toEqual({ ...expected, incomplete: [] });
    expect(meal.version).toBe(1);
  });

  it("logs a portion times a quantity", async () => {
    const { status, meal } = await logMeal({
      items: [{ foodId: BANANA, portionId: mediumBananaPortion, quantity: 2 }],
    });

    expect(status).toBe(201);
    expect(meal.items[0]).toMatchObject({
      portionId: mediumBananaPortion,
      portionLabel: 'medium (7" to 7-7/8" long)',
      quantity: 2,
      grams: 236,
      kcal: 210.04,
      carbs: 53.9024,
    });
  });

  it("keeps unknown nutrients out of totals", async () => {
    const { meal } = await logMeal({
      items: [
        { foodId: SALMON, grams: 150 },
        { foodId: BANANA, grams: 100 },
        { name: "Espresso", grams: 30, kcal: 3 },
      ],
    });

    expect(meal.items[0]!.sugar).toBeNull();
    expect(meal.items[0]!.kcal).toBe(213);
    expect(meal.items[2]).toMatchObject({
      foodId: null,
      name: "Espresso",
      kcal: 3,
      protein: null,
      fiber: null,
    });
    expect(meal.totals.kcal).toBe(305);
    expect(meal.totals.sugar).toBe(12.23);
    expect(meal.totals.fiber).toBe(2.6);
    expect(meal.totals.incomplete).toEqual([
      "protein",
      "carbs",
      "fat",
      "fiber",
      "sugar",
      "sodiumMg",
      "saturatedFat",
    ]);
  });

  it("returns null totals when no item knows a nutrient", async () => {
    const { meal } = await logMeal({ items: [{ name: "Street food", grams: 250, kcal: 640 }] });

    expect(meal.totals.kcal).toBe(640);
    expect(meal.totals.protein).toBeNull();
  });

  it("rejects client nutrients for a catalog food", async () => {
    const before = await mealCount("2026-03-09");

    const { status, body } = await logMeal({
      date: "2026-03-09",
      items: [{ foodId: BANANA, grams: 118, kcal: 1 }],
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({
      type: "/problems/validation-failed",
      errors: [{ field: "items.0.kcal" }],
    });
    expect(await mealCount("2026-03-09")).toBe(before);
  });

  it("rejects an unknown food by field", async () => {
    const { status, body } = await logMeal({
      date: "2026-03-09",
      items: [
        { foodId: BANANA, grams: 100 },
        { foodId: "99999", grams: 100 },
      ],
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({
      type: "/problems/validation-failed",
      errors: [{ field: "items.1.foodId" }],
    });
    expect(await mealCount("2026-03-09")).toBe(0);
  });

  it("rejects another user's custom food", async () => {
    const custom = await subject.app.inject({
      method: "POST",
      url: "/api/v1/custom-foods",
      headers: bearer(stranger.token),
      payload: { name: "Private recipe", per100g: { kcal: 200 } },
    });

    const { status, body } = await logMeal({
      date: "2026-03-09",
      items: [{ foodId: (custom.json() as { id: string }).id, grams: 100 }],
    });

    expect(status).toBe(400);
    expect(body).toMatchObject({ errors: [{ field: "items.0.foodId" }] });
  });

  it.each([
    [{ items: [{ foodId: BANANA, grams: 5001 }] }, "items.0.grams"],
    [{ items: [{ foodId: BANANA, grams: -1 }] }, "items.0.grams"],
    [{ items: [{ foodId: BANANA, portionId: "09040-2", quantity: 50 }] }, "items.0.quantity"],
    [{ items: [{ foodId: BANANA, portionId: "01001-1", quantity: 1 }] }, "items.0.portionId"],
    [{ items: [{ foodId: BANANA }] }, "items.0.grams"],
    [{ items: [{ name: "Soup", grams: 300 }] }, "items.0.kcal"],
    [{ items: [{ name: "Soup", grams: 100, kcal: 50, protein: 60, fat: 50 }] }, "items.0.fat"],
    [{ items: Array.from({ length: 51 }, () => ({ foodId: BANANA, grams: 1 })) }, "items"],
    [{ note: "x".repeat(2001) }, "note"],
    [{ type: "brunch" }, "type"],
    [{ date: "2026-02-30" }, "date"],
  ])("rejects out-of-bounds input %#", async (body, field) => {
    const before = await mealCount("2026-03-10");

    const response = await logMeal(body);

    expect(response.status).toBe(400);
    const errors = response.body.errors as { field: string }[];
    expect(errors.map((error) => error.field)).toContain(field);
    expect(await mealCount("2026-03-10")).toBe(before);
  });

  it("accepts tomorrow and rejects later dates", async () => {
    const tomorrow = await logMeal({ date: "2026-03-11" });
    const later = await logMeal({ date: "2026-03-12" });
    const early = await logMeal({ date: "1899-12-31" });

    expect(tomorrow.status).toBe(201);
    expect(later.status).toBe(400);
    expect(later.body).toMatchObject({ errors: [{ field: "date" }] });
    expect(early.status).toBe(400);
  });

  it("judges tomorrow in the user's time zone", async () => {
    const traveller = await signUp();
    await subject.app.inject({
      method: "PATCH",
      url: "/api/v1/me",
      headers: bearer(traveller.token),
      payload: { timeZone: "Pacific/Kiritimati" },
    });

    // At 12:00 UTC it is already 02:00 on March 11 at UTC+14, so March 12 is tomorrow there.
    const response = await logMeal({ date: "2026-03-12" }, traveller);

    expect(response.status).toBe(201);
  });

  it("answers 404 for another user's meal", async () => {
    const { meal } = await logMeal({ items: [{ foodId: BANANA, grams: 50 }] });

    const requests = [
      { method: "GET" as const, url: `/api/v1/meals/${meal.id}` },
      { method: "PATCH" as const, url: `/api/v1/meals/${meal.id}`, payload: { note: "mine" } },
      { method: "DELETE" as const, url: `/api/v1/meals/${meal.id}` },
      { method: "GET" as const, url: `/api/v1/meals/${meal.id}/photo` },
      { method: "DELETE" as const, url: `/api/v1/meals/${meal.id}/photo` },
    ];
    for (const request of requests) {
      const response = await subject.app.inject({ ...request, headers: bearer(stranger.token) });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
      expect((response.json() as { type: string }).type).toBe("/problems/not-found");
    }

    const own = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}`,
      headers: bearer(user.token),
    });
    expect((own.json() as Meal).note).toBeNull();
  });

  it("replaces items and bumps the version", async () => {
    const { meal } = await logMeal({ items: [{ foodId: BANANA, grams: 100 }] });

    const response = await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/meals/${meal.id}`,
      headers: { ...bearer(user.token), "if-match": '"v1"' },
      payload: { type: "snack", items: [{ foodId: BANANA, grams: 200 }], note: "**ripe**" },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    const updated = response.json() as Meal;
    expect(updated).toMatchObject({ type: "snack", note: "**ripe**", version: 2 });
    expect(updated.items).toHaveLength(1);
    expect(updated.totals.kcal).toBe(178);
  });

  it("rejects a stale If-Match with 412", async () => {
    const { meal } = await logMeal({ items: [{ foodId: BANANA, grams: 100 }] });
    await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/meals/${meal.id}`,
      headers: { ...bearer(user.token), "if-match": '"v1"' },
      payload: { note: "phone" },
    });

    const stale = await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/meals/${meal.id}`,
      headers: { ...bearer(user.token), "if-match": '"v1"' },
      payload: { note: "laptop", items: [] },
    });
    const staleDelete = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/meals/${meal.id}`,
      headers: { ...bearer(user.token), "if-match": '"v1"' },
    });

    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ type: "/problems/precondition-failed" });
    expect(staleDelete.statusCode).toBe(412);
    const current = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}`,
      headers: bearer(user.token),
    });
    expect(current.headers.etag).toBe('"v2"');
    expect(current.json()).toMatchObject({ note: "phone", items: [{ grams: 100 }] });
  });

  it("deletes a meal", async () => {
    const { meal } = await logMeal({ items: [{ foodId: BANANA, grams: 100 }] });

    const removal = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/meals/${meal.id}`,
      headers: { ...bearer(user.token), "if-match": '"v1"' },
    });
    const read = await subject.app.inject({
      method: "GET",
      url: `/api/v1/meals/${meal.id}`,
      headers: bearer(user.token),
    });

    expect(removal.statusCode).toBe(204);
    expect(read.statusCode).toBe(404);
  });

  it("replays a logged meal with the same Idempotency-Key", async () => {
    const diner = await signUp();
    const request = {
      method: "POST" as const,
      url: "/api/v1/meals",
      headers: { ...bearer(diner.token), "idempotency-key": "meal-retry-7" },
      payload: { date: "2026-03-08", type: "lunch", items: [{ foodId: BANANA, grams: 100 }] },
    };

    const first = await subject.app.inject(request);
    const second = await subject.app.inject(request);

    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect((second.json() as Meal).id).toBe((first.json() as Meal).id);
    expect(await mealCount("2026-03-08", diner)).toBe(1);
  });

  it("lists a day with its totals", async () => {
    const diner = await signUp();
    await logMeal({ date: "2026-03-07", items: [{ foodId: BANANA, grams: 118 }] }, diner);
    clock.advance(60_000);
    await logMeal(
      { date: "2026-03-07", type: "dinner", items: [{ foodId: SALMON, grams: 200 }] },
      diner,
    );

    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/meals?date=2026-03-07",
      headers: bearer(diner.token),
    });

    expect(response.statusCode).toBe(200);
    const day = response.json() as MealDay;
    expect(day.date).toBe("2026-03-07");
    expect(day.meals.map((meal) => meal.type)).toEqual(["breakfast", "dinner"]);
    // 105.02 kcal of banana plus 2 × 142 kcal of salmon.
    expect(day.totals.kcal).toBe(389.02);
    // 1.2862 g of banana protein plus 2 × 19.84 g of salmon protein.
    expect(day.totals.protein).toBe(40.9662);
    expect(day.totals.sugar).toBe(14.4314);
    expect(day.totals.incomplete).toEqual(["sugar"]);
  });
});

describe("meals service for other features", () => {
  let subject: TestApp;
  let userId: string;

  beforeAll(async () => {
    subject = await createTestApp({ clock: new ManualClock(NOW) });
    const { accessToken } = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.runOnce(),
    );
    const me = await subject.app.inject({
      method: "GET",
      url: "/api/v1/me",
      headers: bearer(accessToken),
    });
    userId = (me.json() as { id: string }).id;
    const meals = subject.app.services.meals;
    await meals.createMeal(userId, "UTC", {
      date: "2026-03-01",
      type: "breakfast",
      items: [{ foodId: BANANA, grams: 118 }],
      note: null,
    });
    await meals.createMeal(userId, "UTC", {
      date: "2026-03-01",
      type: "lunch",
      items: [
        { foodId: SALMON, grams: 200 },
        { name: "Rice bowl", grams: 300, kcal: 390.5, protein: 8, carbs: 84, fat: 1.2 },
      ],
      note: null,
    });
    await meals.createMeal(userId, "UTC", {
      date: "2026-03-03",
      type: "snack",
      items: [{ name: "Crackers", grams: 30, kcal: 130 }],
      note: null,
    });
  });
  afterAll(async () => {
    await subject.close();
  });

  it("sums days in SQL", async () => {
    const days = await subject.app.services.meals.dailyTotals(userId, "2026-02-28", "2026-03-05");

    expect(days).toEqual([
      {
        date: "2026-03-01",
        // 105.02 (banana) + 284 (salmon) + 390.5 (rice bowl)
        kcal: 779.52,
        // 1.2862 + 39.68 + 8
        protein: 48.9662,
        // 26.9512 + 0 + 84
        carbs: 110.9512,
        // 0.3894 + 12.68 + 1.2
        fat: 14.2694,
        // 3.068 + 0; the rice bowl has no fiber value
        fiber: 3.068,
        // banana only: salmon has no sugar value and the rice bowl none either
        sugar: 14.4314,
        // 1.18 + 88
        sodiumMg: 89.18,
        // 0.13216 + 1.962
        saturatedFat: 2.09416,
      },
      {
        date: "2026-03-03",
        kcal: 130,
        protein: null,
        carbs: null,
        fat: null,
        fiber: null,
        sugar: null,
        sodiumMg: null,
        saturatedFat: null,
      },
    ]);
  });

  it("lists a day through the service", async () => {
    const day = await subject.app.services.meals.listDay(userId, "2026-03-01");

    expect(day.meals).toHaveLength(2);
    expect(day.totals.kcal).toBe(779.52);
    expect(day.totals.fiber).toBe(3.068);
    expect(day.totals.incomplete).toEqual(["fiber", "sugar", "sodiumMg", "saturatedFat"]);
  });

  it("leaves out days outside the range", async () => {
    const days = await subject.app.services.meals.dailyTotals(userId, "2026-03-02", "2026-03-02");

    expect(days).toEqual([]);
  });
});
