import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Food, FoodPage } from "@fitcoach/contract";

import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";

describe("food catalog API", () => {
  let subject: TestApp;
  let token: string;

  beforeAll(async () => {
    subject = await createTestApp();
    const user = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.runOnce(),
    );
    token = user.accessToken;
  });
  afterAll(async () => {
    await subject.close();
  });

  async function search(query: string): Promise<FoodPage> {
    const response = await subject.app.inject({
      method: "GET",
      url: `/api/v1/foods?${query}`,
      headers: bearer(token),
    });
    expect(response.statusCode).toBe(200);
    return response.json() as FoodPage;
  }

  function rankOf(page: FoodPage, id: string): number {
    return page.items.findIndex((food) => food.id === id);
  }

  it("returns catalog values and portions for bananas", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods/09040",
      headers: bearer(token),
    });

    expect(response.statusCode).toBe(200);
    const food = response.json() as Food;
    expect(food.name).toBe("Bananas, raw");
    expect(food.group).toBe("Fruits and Fruit Juices");
    expect(food.source).toBe("usda-sr28");
    expect(food.per100g).toEqual({
      kcal: 89,
      protein: 1.09,
      carbs: 22.84,
      fat: 0.33,
      fiber: 2.6,
      sugar: 12.23,
      sodiumMg: 1,
      saturatedFat: 0.112,
    });
    expect(food.portions).toContainEqual({
      id: expect.any(String) as string,
      amount: 1,
      unit: 'medium (7" to 7-7/8" long)',
      grams: 118,
    });
  });

  it("keeps missing nutrients null", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods/15076",
      headers: bearer(token),
    });

    const food = response.json() as Food;
    expect(food.name).toBe("Fish, salmon, Atlantic, wild, raw");
    expect(food.per100g.sugar).toBeNull();
    expect(food.per100g.fiber).toBe(0);
  });

  it("puts raw bananas first for banana", async () => {
    const page = await search("q=banana");

    expect(rankOf(page, "09040")).toBe(0);
    expect(page.items.every((food) => /banana/i.test(food.name))).toBe(true);
  });

  it("finds bananas despite a typo", async () => {
    const page = await search("q=bananna");

    expect(rankOf(page, "09040")).toBeGreaterThanOrEqual(0);
    expect(rankOf(page, "09040")).toBeLessThan(3);
  });

  it("finds bananas by prefix", async () => {
    const page = await search("q=banan");

    expect(rankOf(page, "09040")).toBe(0);
  });

  it("matches every word of a query", async () => {
    const page = await search("q=chicken%20breast&limit=10");

    expect(page.items).toHaveLength(10);
    for (const food of page.items) {
      expect(food.name.toLowerCase()).toContain("chicken");
      expect(food.name.toLowerCase()).toContain("breast");
    }
  });

  it("pages through results without repeats", async () => {
    const first = await search("q=apple&limit=5");
    const second = await search(`q=apple&limit=5&cursor=${first.nextCursor}`);

    expect(first.nextCursor).not.toBeNull();
    expect(second.items).toHaveLength(5);
    const ids = [...first.items, ...second.items].map((food) => food.id);
    expect(new Set(ids).size).toBe(10);
  });

  it("matches two letters against the food itself", async () => {
    const page = await search("q=ba&limit=50");

    expect(page.items).toHaveLength(50);
    for (const food of page.items) {
      expect(food.name.toLowerCase().split(",")[0]).toMatch(/^ba/);
    }
  });

  it("browses by name without a query", async () => {
    const first = await search("limit=3");
    const second = await search(`limit=3&cursor=${first.nextCursor}`);

    const names = [...first.items, ...second.items].map((food) => food.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(names).size).toBe(6);
  });

  it("returns an empty page for punctuation only", async () => {
    const page = await search("q=%26%7C!");

    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("rejects a forged cursor", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods?q=apple&cursor=bm90LWEtY3Vyc29y",
      headers: bearer(token),
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      type: "/problems/validation-failed",
      errors: [{ field: "query.cursor", message: "is not a valid cursor for this query" }],
    });
  });

  it("rejects an overlong query", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: `/api/v1/foods?q=${"a".repeat(101)}`,
      headers: bearer(token),
    });

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      type: "/problems/validation-failed",
      errors: [{ field: "query.q" }],
    });
  });

  it("answers 404 for an unknown food", async () => {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods/99999",
      headers: bearer(token),
    });

    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ type: "/problems/not-found" });
  });

  it("requires authentication", async () => {
    const response = await subject.app.inject({ method: "GET", url: "/api/v1/foods?q=banana" });

    expect(response.statusCode).toBe(401);
  });
});
