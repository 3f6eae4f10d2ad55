import { afterEach, describe, expect, it } from "vitest";

import { createApiClient } from "./index";
import type { ApiClient } from "./index";
import type { ProblemError } from "./problem-error";
import { createSavedMealsApi } from "./saved-meals-api";
import { createMemoryTokenStore } from "./token-store";
import { sendJson, sendProblem, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(handler: TestHandler): Promise<{ client: ApiClient; server: TestServer }> {
  server = await startTestServer(handler);
  const client = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "token-1" }),
  });
  return { client, server };
}

const SAVED_ID = "7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const MEAL_ID = "3f0c2b7e-1d4a-4e8b-9c6f-5a2d7e8b1c40";
const STAMP = "2026-03-29T08:00:00.000Z";
const ITEM = {
  id: "item-1",
  foodId: null,
  portionId: null,
  portionLabel: null,
  quantity: null,
  name: "Porridge",
  grams: 300,
  kcal: 320,
  protein: 11,
  carbs: 54,
  fat: 6,
  fiber: 8,
  sugar: null,
  sodiumMg: null,
  saturatedFat: null,
};
const TOTALS = {
  kcal: 320,
  protein: 11,
  carbs: 54,
  fat: 6,
  fiber: 8,
  sugar: null,
  sodiumMg: null,
  saturatedFat: null,
  incomplete: ["sugar", "sodiumMg", "saturatedFat"],
};
const SAVED_MEAL = {
  id: SAVED_ID,
  name: "Weekday porridge",
  type: "breakfast",
  note: null,
  items: [ITEM],
  totals: TOTALS,
  version: 1,
  createdAt: STAMP,
  updatedAt: STAMP,
};

describe("saved meals api", () => {
  it("lists saved meals with a limit", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, { items: [SAVED_MEAL], nextCursor: null }),
    );

    const page = await createSavedMealsApi(client).listSavedMeals({ limit: 50 });

    expect(page.items[0]!.name).toBe("Weekday porridge");
    expect(api.requests[0]!.method).toBe("GET");
    expect(api.requests[0]!.path).toBe("/api/v1/saved-meals?limit=50");
  });

  it("saves a logged meal by id", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 201, SAVED_MEAL),
    );

    const saved = await createSavedMealsApi(client).createSavedMeal(
      { name: "Weekday porridge", mealId: MEAL_ID },
      { idempotencyKey: "saved-key" },
    );

    expect(saved.id).toBe(SAVED_ID);
    const request = api.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/v1/saved-meals");
    expect(request.headers["idempotency-key"]).toBe("saved-key");
    expect(JSON.parse(request.body)).toEqual({ name: "Weekday porridge", mealId: MEAL_ID });
  });

  it("logs a saved meal on a day", async () => {
    const meal = {
      id: MEAL_ID,
      date: "2026-03-29",
      type: "lunch",
      note: null,
      items: [ITEM],
      totals: TOTALS,
      photo: null,
      version: 1,
      createdAt: STAMP,
      updatedAt: STAMP,
    };
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 201, meal),
    );

    const logged = await createSavedMealsApi(client).logSavedMeal(SAVED_ID, {
      date: "2026-03-29",
      type: "lunch",
    });

    expect(logged.type).toBe("lunch");
    expect(logged.totals.kcal).toBe(320);
    const request = api.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/api/v1/saved-meals/${SAVED_ID}/log`);
    expect(request.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request.body)).toEqual({ date: "2026-03-29", type: "lunch" });
  });

  it("renames with If-Match", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, { ...SAVED_MEAL, name: "Porridge", version: 3 }),
    );

    const saved = await createSavedMealsApi(client).updateSavedMeal(
      { id: SAVED_ID, version: 2 },
      { name: "Porridge" },
    );

    expect(saved.version).toBe(3);
    const request = api.requests[0]!;
    expect(request.method).toBe("PATCH");
    expect(request.path).toBe(`/api/v1/saved-meals/${SAVED_ID}`);
    expect(request.headers["if-match"]).toBe('"v2"');
    expect(JSON.parse(request.body)).toEqual({ name: "Porridge" });
  });

  it("reports a stale delete", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendProblem(response, 412, "precondition-failed"),
    );

    const error = await createSavedMealsApi(client)
      .deleteSavedMeal({ id: SAVED_ID, version: 5 })
      .catch((caught: unknown) => caught);

    expect((error as ProblemError).status).toBe(412);
    expect(api.requests[0]!.method).toBe("DELETE");
    expect(api.requests[0]!.headers["if-match"]).toBe('"v5"');
  });
});
