import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomFood, CustomFoodCreate, FoodPage } from "@fitcoach/contract";

import type { ManualClock } from "../../platform/clock";
import { createTestApp } from "../../../test/helpers/app";
import type { TestApp } from "../../../test/helpers/app";
import { bearer, registerAndLogin } from "../../../test/helpers/auth";

function granolaBar(overrides: Partial<CustomFoodCreate> = {}): Record<string, unknown> {
  return {
    name: "Grandma's granola bar",
    group: "Snacks",
    per100g: { kcal: 452, protein: 9.5, carbs: 61.2, fat: 18.4, fiber: 6.1, sugar: 24 },
    portions: [{ amount: 1, unit: "bar", grams: 45 }],
    ...overrides,
  };
}

describe("custom foods API", () => {
  let subject: TestApp;
  let owner: string;
  let stranger: string;

  beforeAll(async () => {
    subject = await createTestApp();
    const runJobs = (): Promise<number> => subject.deps.jobs.runOnce();
    owner = (await registerAndLogin(subject.app, subject.logs, runJobs)).accessToken;
    stranger = (await registerAndLogin(subject.app, subject.logs, runJobs)).accessToken;
  });
  afterAll(async () => {
    await subject.close();
  });

  async function create(body: Record<string, unknown>, token = owner): Promise<CustomFood> {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/custom-foods",
      headers: bearer(token),
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return response.json() as CustomFood;
  }

  it("creates a food with unknown nutrients as null", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/custom-foods",
      headers: bearer(owner),
      payload: granolaBar(),
    });

    expect(response.statusCode).toBe(201);
    const food = response.json() as CustomFood;
    expect(response.headers.etag).toBe('"v1"');
    expect(response.headers.location).toBe(`/api/v1/custom-foods/${food.id}`);
    expect(food).toMatchObject({
      name: "Grandma's granola bar",
      group: "Snacks",
      source: "custom",
      version: 1,
      per100g: {
        kcal: 452,
        protein: 9.5,
        carbs: 61.2,
        fat: 18.4,
        fiber: 6.1,
        sugar: 24,
        sodiumMg: null,
        saturatedFat: null,
      },
      portions: [{ amount: 1, unit: "bar", grams: 45 }],
    });
  });

  it("finds the owner's food in search", async () => {
    const food = await create(granolaBar({ name: "Quokka trail mix" }));

    const mine = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods?q=quokka",
      headers: bearer(owner),
    });
    const theirs = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods?q=quokka",
      headers: bearer(stranger),
    });

    expect((mine.json() as FoodPage).items.map((item) => item.id)).toEqual([food.id]);
    expect((theirs.json() as FoodPage).items).toEqual([]);
  });

  it("refuses portions smaller than the stored precision", async () => {
    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/custom-foods",
      headers: bearer(owner),
      payload: granolaBar({ portions: [{ amount: 0.0000001, unit: "crumb", grams: 0.0000001 }] }),
    });

    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(["portions.0.amount", "portions.0.grams"]);
  });

  it("refuses cursors with a foreign id or an impossible time", async () => {
    const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString("base64url");

    for (const payload of [
      { c: "2026-01-01T00:00:00Z", i: "x" },
      { c: "+275760-09-13T00:00:00.000Z", i: "00000000-0000-0000-0000-000000000000" },
    ]) {
      for (const path of ["custom-foods", "saved-meals"]) {
        const answer = await subject.app.inject({
          method: "GET",
          url: `/api/v1/${path}?cursor=${encode(payload)}`,
          headers: bearer(owner),
        });

        expect(answer.statusCode).toBe(400);
        expect(answer.json().errors[0].field).toBe("query.cursor");
      }
    }
  });

  it("answers 404 for another user's food", async () => {
    const food = await create(granolaBar());

    const read = await subject.app.inject({
      method: "GET",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: bearer(stranger),
    });
    const catalogRead = await subject.app.inject({
      method: "GET",
      url: `/api/v1/foods/${food.id}`,
      headers: bearer(stranger),
    });
    const change = await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: bearer(stranger),
      payload: { name: "Taken over" },
    });
    const removal = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: bearer(stranger),
    });

    expect(read.statusCode).toBe(404);
    expect(catalogRead.statusCode).toBe(404);
    expect(change.statusCode).toBe(404);
    expect(removal.statusCode).toBe(404);
    const after = await subject.app.inject({
      method: "GET",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: bearer(owner),
    });
    expect((after.json() as CustomFood).name).toBe("Grandma's granola bar");
  });

  it("updates with a matching If-Match", async () => {
    const food = await create(granolaBar());

    const response = await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: { ...bearer(owner), "if-match": '"v1"' },
      payload: {
        per100g: { kcal: 400, protein: 10, carbs: 60, fat: 12 },
        portions: [{ amount: 2, unit: "bars", grams: 90 }],
      },
    });

    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"v2"');
    const updated = response.json() as CustomFood;
    expect(updated.version).toBe(2);
    expect(updated.name).toBe("Grandma's granola bar");
    expect(updated.per100g).toEqual({
      kcal: 400,
      protein: 10,
      carbs: 60,
      fat: 12,
      fiber: null,
      sugar: null,
      sodiumMg: null,
      saturatedFat: null,
    });
    expect(updated.portions).toMatchObject([{ amount: 2, unit: "bars", grams: 90 }]);
  });

  it("rejects a stale If-Match with 412", async () => {
    const food = await create(granolaBar());
    await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: { ...bearer(owner), "if-match": '"v1"' },
      payload: { name: "First device" },
    });

    const stale = await subject.app.inject({
      method: "PATCH",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: { ...bearer(owner), "if-match": '"v1"' },
      payload: { name: "Second device" },
    });
    const staleDelete = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: { ...bearer(owner), "if-match": '"v1"' },
    });

    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ type: "/problems/precondition-failed" });
    expect(staleDelete.statusCode).toBe(412);
    const current = await subject.app.inject({
      method: "GET",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: bearer(owner),
    });
    expect((current.json() as CustomFood).name).toBe("First device");
  });

  it("replays a create with the same Idempotency-Key", async () => {
    const request = {
      method: "POST" as const,
      url: "/api/v1/custom-foods",
      headers: { ...bearer(owner), "idempotency-key": "custom-food-retry-1" },
      payload: granolaBar({ name: "Retried oat cookie" }),
    };

    const first = await subject.app.inject(request);
    const second = await subject.app.inject(request);

    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers["idempotent-replayed"]).toBe("true");
    expect(second.headers.etag).toBe('"v1"');
    expect(second.json()).toEqual(first.json());
    const list = await subject.app.inject({
      method: "GET",
      url: "/api/v1/foods?q=retried%20oat%20cookie",
      headers: bearer(owner),
    });
    expect((list.json() as FoodPage).items).toHaveLength(1);
  });

  it("deletes a food", async () => {
    const food = await create(granolaBar());

    const removal = await subject.app.inject({
      method: "DELETE",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: { ...bearer(owner), "if-match": '"v1"' },
    });
    const read = await subject.app.inject({
      method: "GET",
      url: `/api/v1/custom-foods/${food.id}`,
      headers: bearer(owner),
    });

    expect(removal.statusCode).toBe(204);
    expect(read.statusCode).toBe(404);
  });

  it("lists the owner's foods newest first", async () => {
    const user = await registerAndLogin(subject.app, subject.logs, () =>
      subject.deps.jobs.runOnce(),
    );
    const names = ["First", "Second", "Third"];
    for (const name of names) {
      await create(granolaBar({ name }), user.accessToken);
      (subject.clock as ManualClock).advance(1000);
    }

    const first = await subject.app.inject({
      method: "GET",
      url: "/api/v1/custom-foods?limit=2",
      headers: bearer(user.accessToken),
    });
    const firstPage = first.json() as { items: CustomFood[]; nextCursor: string };
    const second = await subject.app.inject({
      method: "GET",
      url: `/api/v1/custom-foods?limit=2&cursor=${firstPage.nextCursor}`,
      headers: bearer(user.accessToken),
    });

    const listed = [...firstPage.items, ...(second.json() as { items: CustomFood[] }).items];
    expect(listed.map((food) => food.name)).toEqual(["Third", "Second", "First"]);
  });

  it.each([
    [{ per100g: { kcal: 1200 } }, "per100g.kcal"],
    [{ per100g: { kcal: 300, protein: 60, carbs: 30, fat: 20 } }, "per100g.fat"],
    [{ per100g: { kcal: 300, fat: 5, saturatedFat: 6 } }, "per100g.saturatedFat"],
    [{ per100g: { kcal: 300, protein: -1 } }, "per100g.protein"],
    [{ name: "" }, "name"],
    [{ name: "x".repeat(201) }, "name"],
    [{ portions: [{ amount: 1, unit: "tub", grams: 6000 }] }, "portions.0.grams"],
    [
      { portions: Array.from({ length: 21 }, () => ({ amount: 1, unit: "g", grams: 1 })) },
      "portions",
    ],
    [{ source: "usda-sr28" }, "source"],
  ])("rejects invalid field %#", async (overrides, field) => {
    const before = await countCustomFoods();

    const response = await subject.app.inject({
      method: "POST",
      url: "/api/v1/custom-foods",
      headers: bearer(owner),
      payload: granolaBar(overrides as Partial<CustomFoodCreate>),
    });

    expect(response.statusCode).toBe(400);
    const body = response.json() as { type: string; errors: { field: string }[] };
    expect(body.type).toBe("/problems/validation-failed");
    expect(body.errors.map((error) => error.field)).toContain(field);
    expect(await countCustomFoods()).toBe(before);
  });

  async function countCustomFoods(): Promise<number> {
    const response = await subject.app.inject({
      method: "GET",
      url: "/api/v1/custom-foods?limit=100",
      headers: bearer(owner),
    });
    return (response.json() as { items: unknown[] }).items.length;
  }
});
