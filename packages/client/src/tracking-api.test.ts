import { afterEach, describe, expect, it } from "vitest";

import { createDaysApi } from "./days-api";
import { createEntriesApi } from "./entries-api";
import { createFoodsApi } from "./foods-api";
import { createApiClient } from "./index";
import type { ApiClient } from "./index";
import type { ProblemError } from "./problem-error";
import { UnexpectedResponseError } from "./problem-error";
import { createMemoryTokenStore } from "./token-store";
import { sendJson, sendProblem, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";
import { createWorkoutsApi } from "./workouts-api";

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

const ENTRY_ID = "3f0c2b7e-1d4a-4e8b-9c6f-5a2d7e8b1c40";
const META = {
  id: ENTRY_ID,
  date: "2026-03-29",
  version: 1,
  createdAt: "2026-03-29T08:00:00.000Z",
  updatedAt: "2026-03-29T08:00:00.000Z",
};
const NUTRIENTS = {
  kcal: 105.02,
  protein: 1.29,
  carbs: 26.95,
  fat: 0.39,
  fiber: 3.07,
  sugar: 14.43,
  sodiumMg: 1.18,
  saturatedFat: 0.13,
};
const TOTALS = { ...NUTRIENTS, incomplete: [] };
const MEAL = {
  id: ENTRY_ID,
  date: "2026-03-29",
  type: "breakfast",
  note: null,
  items: [
    {
      id: "item-1",
      foodId: "09040",
      portionId: "09040-2",
      portionLabel: "medium",
      quantity: 1,
      name: "Bananas, raw",
      grams: 118,
      ...NUTRIENTS,
    },
  ],
  totals: TOTALS,
  photo: null,
  version: 1,
  createdAt: META.createdAt,
  updatedAt: META.updatedAt,
};

describe("days api", () => {
  it("sends tags with If-Match and a key", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendProblem(response, 412, "precondition-failed"),
    );

    const error = await createDaysApi(client)
      .updateDay("2026-03-29", 4, { tags: ["travel"] }, { idempotencyKey: "key-1" })
      .catch((caught: unknown) => caught);

    expect((error as ProblemError).status).toBe(412);
    const request = api.requests[0]!;
    expect(request.method).toBe("PATCH");
    expect(request.path).toBe("/api/v1/days/2026-03-29");
    expect(request.headers["if-match"]).toBe('"v4"');
    expect(request.headers["idempotency-key"]).toBe("key-1");
    expect(JSON.parse(request.body)).toEqual({ tags: ["travel"] });
  });

  it("rejects a card that breaks the contract", async () => {
    const { client } = await clientFor((_request, response) =>
      sendJson(response, 200, { date: "2026-03-29" }),
    );

    const error = await createDaysApi(client)
      .getDay("2026-03-29")
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UnexpectedResponseError);
  });
});

describe("entries api", () => {
  it("logs water with a fresh key", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 201, { ...META, ml: 250 }),
    );
    const water = createEntriesApi(client).water;

    const first = await water.create({ date: "2026-03-29", ml: 250 });
    await water.create({ date: "2026-03-29", ml: 250 });

    expect(first.ml).toBe(250);
    const [one, two] = api.requests;
    expect(one!.method).toBe("POST");
    expect(one!.path).toBe("/api/v1/water");
    expect(one!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(two!.headers["idempotency-key"]).not.toBe(one!.headers["idempotency-key"]);
  });

  it("deletes mood with If-Match", async () => {
    const { client, server: api } = await clientFor((_request, response) => {
      response.writeHead(204);
      response.end();
    });

    await createEntriesApi(client).mood.remove({ id: ENTRY_ID, version: 2 });

    const request = api.requests[0]!;
    expect(request.method).toBe("DELETE");
    expect(request.path).toBe(`/api/v1/mood/${ENTRY_ID}`);
    expect(request.headers["if-match"]).toBe('"v2"');
  });

  it("logs steps", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 201, { ...META, count: 8500 }),
    );

    const entry = await createEntriesApi(client).steps.create({ date: "2026-03-29", count: 8500 });

    expect(entry.count).toBe(8500);
    const request = api.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/v1/steps");
    expect(JSON.parse(request.body)).toEqual({ date: "2026-03-29", count: 8500 });
  });

  it("edits water with If-Match", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, { ...META, version: 4, ml: 400 }),
    );

    const entry = await createEntriesApi(client).water.update(
      { id: ENTRY_ID, version: 3 },
      { ml: 400 },
    );

    expect(entry.version).toBe(4);
    const request = api.requests[0]!;
    expect(request.method).toBe("PATCH");
    expect(request.path).toBe(`/api/v1/water/${ENTRY_ID}`);
    expect(request.headers["if-match"]).toBe('"v3"');
    expect(JSON.parse(request.body)).toEqual({ ml: 400 });
  });

  it("returns field errors of a refused weight", async () => {
    const { client } = await clientFor((_request, response) =>
      sendProblem(response, 400, "validation-failed", {
        errors: [{ field: "weightKg", message: "must be at most 400" }],
      }),
    );

    const error = await createEntriesApi(client)
      .body.create({ date: "2026-03-29", weightKg: 900 })
      .catch((caught: unknown) => caught);

    expect((error as ProblemError).fieldErrors).toEqual([
      { field: "weightKg", message: "must be at most 400" },
    ]);
  });
});

describe("foods api", () => {
  it("searches foods with the query", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, { items: [], nextCursor: null }),
    );

    const page = await createFoodsApi(client).searchFoods({ q: "banana bread", limit: 5 });

    expect(page.items).toEqual([]);
    expect(api.requests[0]!.path).toBe("/api/v1/foods?q=banana+bread&limit=5");
  });

  it("logs a meal from a portion", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 201, MEAL),
    );

    const meal = await createFoodsApi(client).createMeal(
      { date: "2026-03-29", type: "breakfast", items: [{ foodId: "09040", portionId: "09040-2" }] },
      { idempotencyKey: "meal-key" },
    );

    expect(meal.totals.kcal).toBe(105.02);
    const request = api.requests[0]!;
    expect(request.path).toBe("/api/v1/meals");
    expect(request.headers["idempotency-key"]).toBe("meal-key");
    expect(JSON.parse(request.body)).toEqual({
      date: "2026-03-29",
      type: "breakfast",
      items: [{ foodId: "09040", portionId: "09040-2" }],
    });
  });

  it("deletes a meal with If-Match", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendProblem(response, 412, "precondition-failed"),
    );

    const error = await createFoodsApi(client)
      .deleteMeal({ id: ENTRY_ID, version: 7 })
      .catch((caught: unknown) => caught);

    expect((error as ProblemError).code).toBe("precondition-failed");
    expect(api.requests[0]!.headers["if-match"]).toBe('"v7"');
  });
});

describe("workouts api", () => {
  it("searches exercises by name", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, { items: [], nextCursor: null }),
    );

    await createWorkoutsApi(client).searchExercises({ q: "squat" });

    expect(api.requests[0]!.path).toBe("/api/v1/exercises?q=squat");
  });

  it("logs a workout with sets", async () => {
    const workout = {
      ...META,
      startedAt: null,
      title: null,
      durationMin: 45,
      intensity: 3,
      avgHeartRate: null,
      notes: null,
      load: 270,
      volumeKg: 1000,
      source: "manual",
      exercises: [],
    };
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 201, workout),
    );
    const sets = [
      { reps: 5, weightKg: 100 },
      { reps: 5, weightKg: 100 },
    ];

    const created = await createWorkoutsApi(client).createWorkout({
      date: "2026-03-29",
      durationMin: 45,
      intensity: 3,
      exercises: [{ exerciseId: "Barbell_Squat", sets }],
    });

    expect(created.load).toBe(270);
    const request = api.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/api/v1/workouts");
    expect(request.headers["idempotency-key"]).toBeTruthy();
    expect(JSON.parse(request.body).exercises[0].sets).toEqual(sets);
  });
});
