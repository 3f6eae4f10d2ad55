import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomFood, Meal, SavedMeal, SavedMealPage } from "@fitcoach/contract";

import { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";

describe("saved meals API", () => {
  let subject: TestApp;
  let clock: ManualClock;
  let token: string;
  let strangerToken: string;

  beforeAll(async () => {
    clock = new ManualClock("2026-05-04T08:00:00Z");
    subject = await createTestApp({ clock });
    const runJobs = (): Promise<number> => subject.deps.jobs.runOnce();
    token = (await registerAndLogin(subject.app, subject.logs, runJobs)).accessToken;
    strangerToken = (await registerAndLogin(subject.app, subject.logs, runJobs)).accessToken;
  });
  afterAll(async () => {
    await subject.close();
  });

  async function request(
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ statusCode: number; body: unknown; etag: unknown }> {
    const response = await subject.app.inject({
      method,
      url,
      headers: { ...bearer(token), ...headers },
      ...(payload ? { payload } : {}),
    });
    return {
      statusCode: response.statusCode,
      body: response.body ? response.json() : null,
      etag: response.headers.etag,
    };
  }

  async function createCustomFood(name: string, kcal: number): Promise<CustomFood> {
    const response = await request("POST", "/api/v1/custom-foods", {
      name,
      per100g: { kcal, protein: 10 },
    });
    return response.body as CustomFood;
  }

  it("saves a logged meal and logs it again", async () => {
    const logged = await request("POST", "/api/v1/meals", {
      date: "2026-05-04",
      type: "breakfast",
      note: "Weekday usual",
      items: [
        { foodId: "09040", grams: 118 },
        { name: "Coffee with milk", grams: 250, kcal: 45, protein: 2.1 },
      ],
    });
    const meal = logged.body as Meal;

    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Usual breakfast",
      mealId: meal.id,
    });
    const again = await request("POST", `/api/v1/saved-meals/${(saved.body as SavedMeal).id}/log`, {
      date: "2026-05-05",
    });

    expect(saved.statusCode).toBe(201);
    expect(saved.body).toMatchObject({
      name: "Usual breakfast",
      type: "breakfast",
      note: "Weekday usual",
      version: 1,
      totals: { kcal: 150.02 },
    });
    expect(again.statusCode).toBe(201);
    const copy = again.body as Meal;
    expect(copy.id).not.toBe(meal.id);
    expect(copy).toMatchObject({ date: "2026-05-05", type: "breakfast", note: "Weekday usual" });
    expect(copy.items.map(({ id: _id, ...item }) => item)).toEqual(
      meal.items.map(({ id: _id, ...item }) => item),
    );
    const day = await request("GET", "/api/v1/meals?date=2026-05-05");
    expect((day.body as { meals: Meal[] }).meals).toHaveLength(1);
  });

  it("logs with current custom food values", async () => {
    const food = await createCustomFood("Overnight oats", 150);
    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Oats",
      type: "breakfast",
      items: [{ foodId: food.id, grams: 200 }],
    });
    await request("PATCH", `/api/v1/custom-foods/${food.id}`, {
      per100g: { kcal: 180, protein: 10 },
    });

    const logged = await request(
      "POST",
      `/api/v1/saved-meals/${(saved.body as SavedMeal).id}/log`,
      {
        date: "2026-05-03",
        type: "snack",
      },
    );

    expect((saved.body as SavedMeal).totals.kcal).toBe(300);
    expect(logged.body).toMatchObject({ type: "snack", totals: { kcal: 360 } });
  });

  it("keeps saved values of a deleted custom food", async () => {
    const food = await createCustomFood("Aunt's lasagne", 170);
    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Lasagne night",
      type: "dinner",
      items: [{ foodId: food.id, grams: 300 }],
    });
    await request("DELETE", `/api/v1/custom-foods/${food.id}`);

    const logged = await request(
      "POST",
      `/api/v1/saved-meals/${(saved.body as SavedMeal).id}/log`,
      {
        date: "2026-05-02",
      },
    );

    expect(logged.statusCode).toBe(201);
    expect(logged.body).toMatchObject({
      type: "dinner",
      items: [{ name: "Aunt's lasagne", grams: 300, kcal: 510, protein: 30 }],
    });
  });

  it("requires a type when the template has none", async () => {
    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Anytime snack",
      items: [{ foodId: "09040", grams: 100 }],
    });

    const logged = await request(
      "POST",
      `/api/v1/saved-meals/${(saved.body as SavedMeal).id}/log`,
      {
        date: "2026-05-02",
      },
    );

    expect(logged.statusCode).toBe(400);
    expect(logged.body).toMatchObject({ errors: [{ field: "type" }] });
  });

  it("refuses a log date after tomorrow", async () => {
    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Future",
      type: "lunch",
      items: [],
    });

    const logged = await request(
      "POST",
      `/api/v1/saved-meals/${(saved.body as SavedMeal).id}/log`,
      {
        date: "2026-05-06",
      },
    );

    expect(logged.statusCode).toBe(400);
    expect(logged.body).toMatchObject({ errors: [{ field: "date" }] });
  });

  it("answers 404 for another user's saved meal", async () => {
    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Private",
      type: "lunch",
      items: [{ foodId: "09040", grams: 100 }],
    });
    const id = (saved.body as SavedMeal).id;

    for (const [method, url] of [
      ["GET", `/api/v1/saved-meals/${id}`],
      ["PATCH", `/api/v1/saved-meals/${id}`],
      ["DELETE", `/api/v1/saved-meals/${id}`],
      ["POST", `/api/v1/saved-meals/${id}/log`],
    ] as const) {
      const response = await subject.app.inject({
        method,
        url,
        headers: bearer(strangerToken),
        payload:
          method === "PATCH"
            ? { name: "Mine now" }
            : method === "POST"
              ? { date: "2026-05-04" }
              : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it("refuses to save another user's meal", async () => {
    const theirs = await subject.app.inject({
      method: "POST",
      url: "/api/v1/meals",
      headers: bearer(strangerToken),
      payload: { date: "2026-05-04", type: "lunch", items: [] },
    });

    const saved = await request("POST", "/api/v1/saved-meals", {
      name: "Borrowed",
      mealId: (theirs.json() as Meal).id,
    });

    expect(saved.statusCode).toBe(404);
  });

  it("updates with If-Match and lists newest first", async () => {
    clock.advance(1000);
    const first = await request("POST", "/api/v1/saved-meals", {
      name: "Older",
      type: "snack",
      items: [],
    });
    clock.advance(1000);
    await request("POST", "/api/v1/saved-meals", { name: "Newer", type: "snack", items: [] });
    const id = (first.body as SavedMeal).id;

    const renamed = await request(
      "PATCH",
      `/api/v1/saved-meals/${id}`,
      { name: "Renamed", items: [{ foodId: "09040", grams: 50 }] },
      { "if-match": '"v1"' },
    );
    const stale = await request(
      "PATCH",
      `/api/v1/saved-meals/${id}`,
      { name: "Lost update" },
      { "if-match": '"v1"' },
    );
    const list = await request("GET", "/api/v1/saved-meals?limit=2");

    expect(renamed.statusCode).toBe(200);
    expect(renamed.etag).toBe('"v2"');
    expect(renamed.body).toMatchObject({ name: "Renamed", totals: { kcal: 44.5 } });
    expect(stale.statusCode).toBe(412);
    const page = list.body as SavedMealPage;
    expect(page.items.map((item) => item.name)).toEqual(["Newer", "Renamed"]);
  });

  it("rejects both mealId and items", async () => {
    const response = await request("POST", "/api/v1/saved-meals", {
      name: "Both",
      mealId: "7d7b5f0e-4a4e-4bd4-9a8e-1d1d8f0c1a11",
      items: [],
    });

    expect(response.statusCode).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ field: "items" }] });
  });
});
