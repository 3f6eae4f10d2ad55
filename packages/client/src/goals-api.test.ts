import { afterEach, describe, expect, it } from "vitest";
import type { DayCard, Goals } from "@fitcoach/contract";

import { createGoalsApi } from "./goals-api";
import type { GoalsApi } from "./goals-api";
import { createApiClient } from "./index";
import type { ProblemError } from "./problem-error";
import { sendJson, sendProblem, startTestServer } from "./test-server";
import type { TestHandler, TestServer } from "./test-server";
import { createMemoryTokenStore } from "./token-store";

let server: TestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function clientFor(handler: TestHandler): Promise<{ client: GoalsApi; server: TestServer }> {
  server = await startTestServer(handler);
  const client = createApiClient({
    platform: "web",
    baseUrl: server.url,
    tokenStore: createMemoryTokenStore({ accessToken: "token-1" }),
  });
  return { client: createGoalsApi(client), server };
}

function makeGoals(overrides: Partial<Goals> = {}): Goals {
  return {
    targetWeightKg: null,
    targetWeightLb: null,
    targetWeightUnit: null,
    kcal: null,
    proteinG: null,
    carbsG: null,
    fatG: null,
    fiberG: null,
    waterMl: 2500,
    sleepMin: null,
    steps: null,
    weeklyWorkouts: null,
    version: 0,
    ...overrides,
  };
}

/** Builds an empty day card whose goal progress the test sets. */
function makeDay(goals: DayCard["goals"]): DayCard {
  return {
    date: "2026-03-30",
    timeZone: "Europe/Prague",
    version: 0,
    tags: [],
    note: "",
    wellness: { score: null, components: [], explanation: "Nothing logged." },
    effort: { score: 0, load: 0, workouts: 0, explanation: "No workouts." },
    meals: [],
    totals: {
      kcal: null,
      protein: null,
      carbs: null,
      fat: null,
      fiber: null,
      sugar: null,
      sodiumMg: null,
      saturatedFat: null,
      incomplete: [],
    },
    workouts: [],
    water: { totalMl: 1500, goalMl: 2500, entries: [] },
    sleep: [],
    mood: [],
    body: [],
    weight: null,
    steps: { total: 0, entries: [] },
    goals,
  };
}

describe("goals api", () => {
  it("reads the goals", async () => {
    const goals = makeGoals({ kcal: 2100, version: 2 });
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, goals, { etag: '"v2"' }),
    );

    const answer = await client.get();

    expect(answer).toEqual(goals);
    expect(api.requests[0]?.method).toBe("GET");
    expect(api.requests[0]?.path).toBe("/api/v1/goals");
  });

  it("sends If-Match and an Idempotency-Key", async () => {
    const { client, server: api } = await clientFor((request, response) =>
      sendJson(response, 200, makeGoals({ ...JSON.parse(request.body), version: 4 })),
    );

    const answer = await client.update(3, { waterMl: 3000, sleepMin: null });

    expect(answer.waterMl).toBe(3000);
    expect(answer.version).toBe(4);
    const request = api.requests[0]!;
    expect(request.method).toBe("PATCH");
    expect(request.headers["if-match"]).toBe('"v3"');
    expect(request.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(request.body)).toEqual({ waterMl: 3000, sleepMin: null });
  });

  it("reuses the given key on retry", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, makeGoals({ version: 1 })),
    );

    await client.update(0, { steps: 8000 }, { idempotencyKey: "goals-write-1" });
    await client.update(0, { steps: 8000 }, { idempotencyKey: "goals-write-1" });

    expect(api.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      "goals-write-1",
      "goals-write-1",
    ]);
  });

  it("makes a new key per write", async () => {
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, makeGoals({ version: 1 })),
    );

    await client.update(0, { steps: 8000 });
    await client.update(1, { steps: 9000 });

    const keys = api.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it("passes a version conflict", async () => {
    const { client } = await clientFor((_request, response) =>
      sendProblem(response, 412, "precondition-failed"),
    );

    const error = await client.update(1, { kcal: 2000 }).catch((caught: unknown) => caught);

    expect((error as ProblemError).code).toBe("precondition-failed");
    expect((error as ProblemError).status).toBe(412);
  });

  it("passes field errors", async () => {
    const { client } = await clientFor((_request, response) =>
      sendProblem(response, 400, "validation-failed", {
        errors: [{ field: "kcal", message: "must be at least 500" }],
      }),
    );

    const error = await client.update(0, { kcal: 100 }).catch((caught: unknown) => caught);

    expect((error as ProblemError).fieldErrors).toEqual([
      { field: "kcal", message: "must be at least 500" },
    ]);
  });

  it("reads the suggestion", async () => {
    const suggestion = {
      bmrKcal: 1400,
      maintenanceKcal: 2170,
      kcal: 2170,
      proteinG: 102,
      carbsG: 291,
      fatG: 60,
      basis: { ageYears: 36, sex: "female", heightCm: 168, weightKg: 64, activityFactor: 1.55 },
      explanation: "Mifflin-St Jeor basal rate times the activity factor.",
    };
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, suggestion),
    );

    const answer = await client.suggestion();

    expect(answer).toEqual(suggestion);
    expect(api.requests[0]?.path).toBe("/api/v1/goals/suggestion");
  });

  it("reads progress from the day card", async () => {
    const progress = [{ goal: "water" as const, target: 2500, actual: 1500, percent: 60 }];
    const { client, server: api } = await clientFor((_request, response) =>
      sendJson(response, 200, makeDay(progress)),
    );

    const answer = await client.progress("2026-03-30");

    expect(answer).toEqual(progress);
    expect(api.requests[0]?.path).toBe("/api/v1/days/2026-03-30");
  });
});
